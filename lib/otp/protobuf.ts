// A minimal reader and writer of the Protocol Buffers wire format
// (protobuf.dev/programming-guides/encoding), enough for the Google Authenticator export.
// The reader takes hostile input: every read is bounds-checked, varints are at most 10 bytes
// (64 bits), lengths may not run past the enclosing message, groups (wire types 3 and 4,
// deprecated) and the undefined wire types 6 and 7 are refused, and each step consumes at
// least one byte, so it always ends. Every failure is TesseraError('bad-uri'), since the
// bytes came out of a URI. Nested messages are read by a new reader over their bytes:
// no recursion, so no depth to exhaust.
import { TesseraError } from '../messages/errors';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

const MAX_VARINT_BYTES = 10;
const MAX_FIELD = 2 ** 29 - 1;

function malformed(): never {
  throw new TesseraError('bad-uri');
}

export class ProtoReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** An unsigned varint as up to 64 bits. */
  varint(): bigint {
    let result = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (this.pos >= this.buf.length) malformed();
      const b = this.buf[this.pos++]!;
      // The 10th byte holds bit 63 only: anything more does not fit in 64 bits.
      if (i === MAX_VARINT_BYTES - 1 && b > 1) malformed();
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return result;
    }
    return malformed();
  }

  /** A field key: field number (1 … 2^29−1) and wire type. */
  tag(): { field: number; wire: number } {
    const key = this.varint();
    const field = key >> 3n;
    if (field < 1n || field > BigInt(MAX_FIELD)) malformed();
    return { field: Number(field), wire: Number(key & 7n) };
  }

  /** The payload of a length-delimited field. */
  bytes(): Uint8Array {
    const len = this.varint();
    if (len > BigInt(this.buf.length - this.pos)) malformed();
    const start = this.pos;
    this.pos += Number(len);
    return this.buf.subarray(start, this.pos);
  }

  /** Skips the value of a field the reader does not know. */
  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_LEN) this.bytes();
    else if (wire === WIRE_FIXED64) this.advance(8);
    else if (wire === WIRE_FIXED32) this.advance(4);
    else malformed(); // 3, 4: groups; 6, 7: undefined
  }

  private advance(n: number): void {
    if (this.pos + n > this.buf.length) malformed();
    this.pos += n;
  }
}

/** int32 and enum fields: negative values are sent sign-extended to 64 bits. */
export function toInt32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** int64 fields as a signed 64-bit value. */
export function toInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

export class ProtoWriter {
  private readonly parts: number[] = [];

  private varint(value: bigint): void {
    let v = BigInt.asUintN(64, value);
    while (v >= 0x80n) {
      this.parts.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.parts.push(Number(v));
  }

  // In BigInt: field << 3 overflows a 32-bit integer from field 2^28 on.
  private key(field: number, wire: number): void {
    this.varint((BigInt(field) << 3n) | BigInt(wire));
  }

  /** A varint field (int32, int64, enum); zero, the proto3 default, is left out. */
  int(field: number, value: number | bigint): this {
    if (BigInt(value) === 0n) return this;
    this.key(field, WIRE_VARINT);
    this.varint(BigInt(value));
    return this;
  }

  /** A length-delimited field (bytes, string, nested message); empty ones are left out. */
  bytes(field: number, value: Uint8Array | string): this {
    const b = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    if (b.length === 0) return this;
    this.key(field, WIRE_LEN);
    this.varint(BigInt(b.length));
    for (const x of b) this.parts.push(x);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}
