import { pythonStrip, type ConfOutput, type ConfWriter } from '@wazo-confgend/asterisk-conf';
import { writeObjtpl } from './objtpl.js';

const EXTEN = 0;
const ACTION = 1;
type Segment = string | typeof EXTEN | typeof ACTION;

interface CompiledLine {
  /** What the writer puts before the value: `exten = ` or `same  =     `. */
  readonly prefix: string;
  readonly segments: readonly Segment[];
}

const LINE_BREAK = /[\r\n]/;
const NAMES_AFTER_EXTEN = ['PRIORITY', 'ACTION', 'TENANT_UUID'];
const NAMES_AFTER_ACTION = ['TENANT_UUID'];

/**
 * Whether inserting `value` cannot create or hide a later placeholder: without `%`, a
 * placeholder could only overlap it by holding it inside its name (or, empty, by joining the
 * text around it). Then replacing in sequence gives what replacing each piece of text does.
 */
function isInert(value: string, laterNames: readonly string[]): boolean {
  return value !== '' && !value.includes('%') && !LINE_BREAK.test(value) && !laterNames.some((name) => name.includes(value));
}

/** One line with context and tenant in place, split where the extension and action go. */
function compileLine(line: string, context: string, tenantUuid: string): CompiledLine {
  const segments: Segment[] = [];
  line
    .replaceAll('%%CONTEXT%%', () => context)
    .split('%%EXTEN%%')
    .forEach((betweenExtens, extenIndex) => {
      if (extenIndex > 0) segments.push(EXTEN);
      betweenExtens
        .replaceAll('%%PRIORITY%%', '1')
        .split('%%ACTION%%')
        .forEach((betweenActions, actionIndex) => {
          if (actionIndex > 0) segments.push(ACTION);
          segments.push(betweenActions.replaceAll('%%TENANT_UUID%%', () => tenantUuid));
        });
    });
  return { prefix: line.startsWith('%%EXTEN%%') ? 'exten = ' : 'same  =     ', segments };
}

/**
 * The objtpl lines of one context, prepared once so that each extension costs a concatenation;
 * writes what writeObjtpl writes. Values that could interact with a placeholder, and any line
 * break, go through writeObjtpl itself.
 */
export class ObjtplBlock {
  readonly #writer: ConfWriter;
  readonly #output: ConfOutput;
  readonly #templateLines: readonly string[];
  readonly #context: string;
  readonly #tenantUuid: string;
  readonly #lines: readonly CompiledLine[];
  readonly #literalsHoldLineBreak: boolean;

  constructor(writer: ConfWriter, output: ConfOutput, templateLines: readonly string[], values: { context: string; tenantUuid: string }) {
    this.#writer = writer;
    this.#output = output;
    this.#templateLines = templateLines;
    this.#context = values.context;
    this.#tenantUuid = values.tenantUuid;
    this.#lines = templateLines.map((line) => compileLine(line, values.context, values.tenantUuid));
    this.#literalsHoldLineBreak = this.#lines.some(({ segments }) => segments.some((segment) => typeof segment === 'string' && LINE_BREAK.test(segment)));
  }

  write(exten: string, action: string): void {
    if (this.#literalsHoldLineBreak || !isInert(exten, NAMES_AFTER_EXTEN) || !isInert(action, NAMES_AFTER_ACTION)) {
      writeObjtpl(this.#writer, this.#templateLines, { context: this.#context, exten, action, tenantUuid: this.#tenantUuid });
      return;
    }
    let block = '';
    for (const { prefix, segments } of this.#lines) {
      let text = prefix;
      for (const segment of segments) text += segment === EXTEN ? exten : segment === ACTION ? action : segment;
      // The writer strips each line; printable ASCII at the end leaves nothing to strip.
      const last = text.charCodeAt(text.length - 1);
      block += `${last > 0x20 && last < 0x7f ? text : pythonStrip(text)}\n`;
    }
    this.#output.write(`${block}\n`);
  }
}
