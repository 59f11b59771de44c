// qrcode-terminal ships no types; this is the one function the login QR code uses.
declare module "qrcode-terminal" {
  const qrcodeTerminal: {
    generate(text: string, options: { small?: boolean }, callback: (art: string) => void): void;
  };
  export default qrcodeTerminal;
}
