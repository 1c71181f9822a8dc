// The browser side of a screen scan (issue 16): asks for a screen, window or tab with the
// browser's own picker (Screen Capture, W3C, getDisplayMedia) and turns the stream into frames
// for lib/qr/screen.ts. Why getDisplayMedia and not Chrome's desktopCapture: docs/qr.md
// ("Scanning the screen"). The caller stops the stream with `stop()` as soon as reading ends;
// the canvas is then emptied, so no pixel outlives the scan.
import type { QrImage } from './image';
import type { ScreenFrameSource } from './screen';

/**
 * The picker's options. Resolution: without a size constraint Chrome targets the size of the
 * screen the page is on in CSS pixels (blink UserMediaProcessor::GetScreenSize, ScreenInfo.rect;
 * 2880 × 1800 when unknown), so a HiDPI screen would be captured at half its physical pixels and
 * a bigger or second monitor scaled down, and a 2.5 px-per-module code with them. A `max` of
 * 8192 raises that target; sources smaller than it keep their own size (a 1280 × 720 tab stayed
 * 1280 × 720 in tests/e2e/screen-scan.spec.ts). Ten frames a second is more than the decoder
 * reads. Chrome's hints offer screens and windows, not this page itself.
 */
export const DISPLAY_MEDIA_OPTIONS = {
  video: { width: { max: 8192 }, height: { max: 8192 }, frameRate: { max: 10 } },
  audio: false,
  selfBrowserSurface: 'exclude',
  surfaceSwitching: 'exclude',
  monitorTypeSurfaces: 'include',
  systemAudio: 'exclude',
} as DisplayMediaStreamOptions;

export interface ScreenCapture extends ScreenFrameSource {
  /** Stops every track and drops the pixels. Safe to call twice. */
  stop(): void;
  /** What the browser shared (e.g. { width: 3840, height: 2160, displaySurface: "monitor" }). */
  settings(): MediaTrackSettings;
}

/** Opens the picker. Rejects with the browser's DOMException (NotAllowedError when the user declined). */
export async function openScreenCapture(md: MediaDevices = navigator.mediaDevices): Promise<ScreenCapture> {
  const stream = await md.getDisplayMedia(DISPLAY_MEDIA_OPTIONS);
  return streamFrames(stream);
}

/** Frames of a video stream, drawn at the stream's own size. */
export function streamFrames(stream: MediaStream): ScreenCapture {
  const track = stream.getVideoTracks()[0];
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  const canvas = document.createElement('canvas');
  let ctx: CanvasRenderingContext2D | null = null;
  let ended = !track || track.readyState === 'ended';
  let wake: (() => void) | null = null;
  const onEnded = () => {
    ended = true;
    wake?.();
  };
  track?.addEventListener('ended', onEnded);
  const playing = video.play().catch(() => undefined);
  const firstFrame = new Promise<void>((resolve) => {
    wake = resolve;
    if (video.readyState >= 2) resolve();
    else video.addEventListener('loadeddata', () => resolve(), { once: true });
  });
  const stop = () => {
    ended = true;
    track?.removeEventListener('ended', onEnded);
    for (const t of stream.getTracks()) t.stop();
    video.pause();
    video.srcObject = null;
    canvas.width = canvas.height = 0;
    ctx = null;
    wake?.();
  };
  return {
    stop,
    settings: () => track?.getSettings() ?? {},
    async next(): Promise<QrImage | null> {
      await playing;
      await firstFrame;
      if (ended || !video.videoWidth) return null;
      const { videoWidth: w, videoHeight: h } = video;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
        ctx = null;
      }
      ctx ??= canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return null;
      ctx.drawImage(video, 0, 0, w, h);
      const img = ctx.getImageData(0, 0, w, h);
      return { data: img.data, width: w, height: h };
    },
  };
}
