import { confgendError, type ConfgendError } from '@wazo-confgend/core';

const LINE_BREAK = /[\r\n]/;

/** Where a text goes in the file, to name it when it is refused. */
export interface ConfPlace {
  /** The section being written, or null before the first one. */
  readonly section: string | null;
  /** The option whose line holds the text; absent for the section header itself. */
  readonly option?: string;
  /** A part of the section header other than its name. */
  readonly headerPart?: 'comment' | 'template';
}

function shown(name: string): string {
  return LINE_BREAK.test(name) ? JSON.stringify(name) : name;
}

function describePlace({ section, option, headerPart }: ConfPlace): string {
  const inSection = section === null ? '' : LINE_BREAK.test(section) ? `section name ${JSON.stringify(section)}` : `section [${section}]`;
  const detail = option !== undefined ? `option ${shown(option)}` : headerPart ?? '';
  return [inSection, detail].filter((part) => part !== '').join(' ');
}

export function holdsLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

/**
 * The error for a text that would put a line break into the file. Asterisk reads a value holding
 * one as several lines, so data of one tenant (a display name `x\n[evil]\ntype=endpoint`) would
 * add sections to the whole file. Failing the generation beats dropping or replacing the
 * character: the service keeps serving the last good file and reports the row to fix, whereas a
 * silently altered value would be served as if it were what the database holds.
 */
export function lineBreakError(place: ConfPlace): ConfgendError {
  return confgendError('WCG_ERR_GENERATION_FAILED', 'lineBreak', { place: describePlace(place) }, {
    details: { section: place.section, option: place.option ?? null, part: place.headerPart ?? (place.option === undefined ? 'name' : 'option') },
  });
}

/** Throws lineBreakError when `text` holds a line break. */
export function refuseLineBreak(text: string, place: ConfPlace): void {
  if (LINE_BREAK.test(text)) throw lineBreakError(place);
}
