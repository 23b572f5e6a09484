export type AudioFormat = "wav" | "mp3" | "ogg";

export const audioMimeType: Record<AudioFormat, string> = { wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg" };

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The audio format the content really is, from its magic bytes; null for anything else. */
export function detectAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return "wav";
  if (bytes.length >= 4 && ascii(bytes, 0, "OggS")) return "ogg";
  if (bytes.length >= 3 && ascii(bytes, 0, "ID3")) return "mp3";
  // A bare MPEG audio frame: 11 sync bits, then a version and a layer that are not "reserved".
  if (
    bytes.length >= 2 &&
    bytes[0] === 0xff &&
    (bytes[1] & 0xe0) === 0xe0 &&
    ((bytes[1] >> 3) & 0x3) !== 1 &&
    ((bytes[1] >> 1) & 0x3) !== 0
  )
    return "mp3";
  return null;
}

/** A stored name safe to show and to put in a header: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (base || "sound").slice(0, 120);
}
