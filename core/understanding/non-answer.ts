// What a chat carries that is not words: emoji, stickers, links, and the placeholders a client shows for a
// picture, a voice note or a file ("[图片]", "[动画表情]"). Such a message never answers a question.

// A client's placeholder for media: a short bracketed word ([图片], [表情], [Sticker], [Photo]).
const MEDIA_PLACEHOLDER = /\[[^\]\s]{1,8}\]|【[^】\s]{1,8}】/gu;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const SYMBOLS_ONLY =
  /^(?:[\p{P}\p{S}\p{Z}\p{Emoji_Presentation}\p{Extended_Pictographic}\p{Emoji_Modifier}\s]|\uFE0F|\u200D)*$/u;

/** Whether a message holds nothing but emoji, stickers, links or media placeholders. */
export function isWordless(text: string): boolean {
  const rest = text.replace(/@\S+/g, "").replace(LINK, " ").replace(MEDIA_PLACEHOLDER, " ");
  return SYMBOLS_ONLY.test(rest);
}
