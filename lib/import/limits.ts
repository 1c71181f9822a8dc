// The largest file an import reads (20 MiB: a 1,000-account export with icons is well under
// 5 MiB). Its own module so that the API can refuse a larger one before it loads the parsers
// (lib/deferred/parts.ts).
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
