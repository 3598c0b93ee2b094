// A small JSON tokenizer for CodeMirror (StreamLanguage): highlighting only; policy findings come from lib/policy.
import { StreamLanguage, type StreamParser } from '@codemirror/language';

interface JsonState {
  /** True when the next string is an object key (after `{` or `,` inside an object). */
  expectKey: boolean;
  /** Open brackets, innermost last: true for objects. */
  stack: boolean[];
}

const parser: StreamParser<JsonState> = {
  name: 'json',
  startState: () => ({ expectKey: false, stack: [] }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
      const isKey = state.expectKey;
      state.expectKey = false;
      return isKey ? 'propertyName' : 'string';
    }
    if (stream.match(/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^(?:true|false|null)\b/)) return 'atom';
    const ch = stream.next();
    if (ch === '{') {
      state.stack.push(true);
      state.expectKey = true;
      return 'brace';
    }
    if (ch === '[') {
      state.stack.push(false);
      return 'squareBracket';
    }
    if (ch === '}' || ch === ']') {
      state.stack.pop();
      return ch === '}' ? 'brace' : 'squareBracket';
    }
    if (ch === ',') {
      state.expectKey = state.stack[state.stack.length - 1] === true;
      return 'separator';
    }
    if (ch === ':') return 'punctuation';
    return 'invalid';
  },
  copyState: (state) => ({ expectKey: state.expectKey, stack: [...state.stack] }),
  languageData: { closeBrackets: { brackets: ['{', '[', '"'] } },
};

/** JSON highlighting for policy documents. */
export const jsonLanguage = StreamLanguage.define(parser);
