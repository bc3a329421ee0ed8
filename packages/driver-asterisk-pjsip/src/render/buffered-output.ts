import { Buffer, isAscii } from 'node:buffer';
import { ConfOutput } from '@wazo-confgend/asterisk-conf';

const INITIAL_CAPACITY = 1 << 20;
/** Pending text is copied out once this long: small writes are cheap to join, large ones to copy. */
const FLUSH_LENGTH = 1 << 16;

/**
 * A ConfOutput that gathers the text in one growing byte buffer, so a file of a million lines is
 * neither a million small strings kept alive until the end nor a second copy made by a join: the
 * only large string is the one toString() decodes at the end.
 */
export class BufferedOutput extends ConfOutput {
  #buffer = Buffer.allocUnsafe(INITIAL_CAPACITY);
  #length = 0;
  #pending = '';

  override write(text: string): void {
    this.#pending += text;
    if (this.#pending.length >= FLUSH_LENGTH) this.#flush();
  }

  override toString(): string {
    this.#flush();
    const bytes = this.#buffer.subarray(0, this.#length);
    // ASCII is the usual case and decodes as Latin-1, a plain copy, several times faster than UTF-8.
    return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  }

  #flush(): void {
    const text = this.#pending;
    this.#pending = '';
    const needed = this.#length + Buffer.byteLength(text);
    if (needed > this.#buffer.length) {
      let capacity = this.#buffer.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = Buffer.allocUnsafe(capacity);
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    this.#length += this.#buffer.write(text, this.#length);
  }
}
