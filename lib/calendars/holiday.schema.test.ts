import { describe, expect, it } from "vitest";
import { holidayGroupSchema, SOUND_MAX_BYTES, soundUploadSchema } from "./holiday.schema";
import { cleanFileName, detectAudioFormat } from "./sound";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("holiday group validation", () => {
  it("accepts a group with a single and a recurring holiday and fills the defaults", () => {
    const parsed = holidayGroupSchema.parse({
      name: " France ",
      holidays: [
        { label: "Noël", date: "2026-12-25", recurring: true },
        { label: "Pont", date: "2026-05-15", part: "afternoon", soundId: 3 },
      ],
    });
    expect(parsed).toEqual({
      name: "France",
      holidays: [
        { label: "Noël", date: "2026-12-25", recurring: true, part: "full", soundId: null },
        { label: "Pont", date: "2026-05-15", recurring: false, part: "afternoon", soundId: 3 },
      ],
    });
  });

  it("refuses impossible dates, empty labels and unknown half days, under the holiday's fields", () => {
    const r = holidayGroupSchema.safeParse({
      name: "x",
      holidays: [
        { label: "", date: "2026-02-30" },
        { label: "ok", date: "25/12/2026", part: "evening" },
      ],
    });
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath["holidays.0.label"]).toBe("common.requiredField");
    expect(byPath["holidays.0.date"]).toBe("schedules.errors.date");
    expect(byPath["holidays.1.date"]).toBe("schedules.errors.date");
    expect(byPath["holidays.1.part"]).toBeDefined();
  });
});

describe("sound upload validation", () => {
  const file = (content: Uint8Array | string, name: string, type: string) => new File([content as BlobPart], name, { type });

  it("accepts WAV, MP3 and OGG up to 2 MB", () => {
    expect(soundUploadSchema.safeParse({ file: file("x", "a.wav", "audio/wav") }).success).toBe(true);
    expect(soundUploadSchema.safeParse({ file: file("x", "a.mp3", "audio/mpeg") }).success).toBe(true);
    expect(soundUploadSchema.safeParse({ file: file(new Uint8Array(SOUND_MAX_BYTES), "a.ogg", "audio/ogg") }).success).toBe(true);
  });

  it("refuses other types, empty files, files over 2 MB and a missing file", () => {
    const first = (input: unknown) => soundUploadSchema.safeParse(input).error?.issues[0].message;
    expect(first({ file: file("x", "a.png", "image/png") })).toBe("schedules.errors.soundType");
    expect(first({ file: file("x", "a.wav", "") })).toBe("schedules.errors.soundType");
    expect(first({ file: file("", "a.wav", "audio/wav") })).toBe("schedules.errors.soundEmpty");
    expect(first({ file: file(new Uint8Array(SOUND_MAX_BYTES + 1), "a.wav", "audio/wav") })).toBe("schedules.errors.soundTooLarge");
    expect(first({ file: null })).toBe("schedules.errors.soundMissing");
    expect(first({ file: "a.wav" })).toBe("schedules.errors.soundMissing");
  });
});

describe("audio content detection (magic bytes)", () => {
  it("recognises WAV, OGG and MP3 (tagged or bare frame)", () => {
    expect(detectAudioFormat(bytes("RIFF", [36, 0, 0, 0], "WAVEfmt "))).toBe("wav");
    expect(detectAudioFormat(bytes("OggS", [0, 2]))).toBe("ogg");
    expect(detectAudioFormat(bytes("ID3", [4, 0, 0]))).toBe("mp3");
    expect(detectAudioFormat(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe("mp3");
  });

  it("refuses anything else, including a RIFF that is not WAVE", () => {
    expect(detectAudioFormat(bytes("RIFF", [36, 0, 0, 0], "AVI LIST"))).toBeNull();
    expect(detectAudioFormat(bytes([0x89], "PNG", [13, 10, 26, 10]))).toBeNull();
    expect(detectAudioFormat(bytes("<html><script>"))).toBeNull();
    expect(detectAudioFormat(bytes([0xff, 0xe9]))).toBeNull(); // reserved MPEG version
    expect(detectAudioFormat(new Uint8Array())).toBeNull();
  });

  it("keeps a stored file name harmless", () => {
    expect(cleanFileName("C:\\fakepath\\noël.wav")).toBe("noël.wav");
    expect(cleanFileName('../../etc/a"b\n.wav')).toBe("ab.wav");
    expect(cleanFileName("")).toBe("sound");
  });
});
