// The WeChat login QR code, drawn in the terminal and given as a link for a headless server.
import qrcodeTerminal from "qrcode-terminal";
import { qrcodeValueToImageUrl } from "wechaty";

/** A web address showing the QR code as an image. */
export function qrLink(qrcode: string): string {
  return qrcodeValueToImageUrl(qrcode);
}

/** Draws the QR code on `output` (stderr by default: stdout may belong to the terminal chat). */
export function drawQr(qrcode: string, output: NodeJS.WritableStream = process.stderr): void {
  qrcodeTerminal.generate(qrcode, { small: true }, (art) => output.write(`${art}\n`));
}
