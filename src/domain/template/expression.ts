/**
 * The small expression language of templates: figures ("sum(tiep_nhan)", "percent(dung_han, tiep_nhan)"),
 * conditions of wordings ("tiep_nhan == 0") and checks across one unit's answers ("dung_han <= tiep_nhan").
 * A hand-written parser over a fixed grammar: nothing a template says is ever run as code.
 *
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | compare
 *   compare := sum (("<" | "<=" | ">" | ">=" | "==" | "=" | "!=" | "≤" | "≥" | "≠") sum)?
 *   sum     := product (("+" | "-" | "−") product)*
 *   product := unary (("*" | "×" | "/" | "÷") unary)*
 *   unary   := ("-" | "−") unary | primary
 *   primary := number | name | name "(" expr ("," expr)* ")" | "(" expr ")"
 */

export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type ArithOp = "+" | "-" | "*" | "/";

export type Expr =
  | { kind: "number"; value: number }
  | { kind: "name"; name: string }
  | { kind: "call"; fn: string; args: Expr[] }
  | { kind: "neg"; arg: Expr }
  | { kind: "arith"; op: ArithOp; left: Expr; right: Expr }
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr }
  | { kind: "logic"; op: "and" | "or"; left: Expr; right: Expr }
  | { kind: "not"; arg: Expr };

export class ExpressionError extends Error {
  override name = "ExpressionError";
  constructor(
    message: string,
    /** 0-based character position in the expression text. */
    readonly position: number,
  ) {
    super(message);
  }
}

/** Longest expression text accepted: a template's figures are one line each. */
export const EXPRESSION_MAX_LENGTH = 500;
/** Deepest nesting of brackets and operators, so a hostile text cannot exhaust the stack. */
const MAX_DEPTH = 40;

type Token =
  | { type: "number"; value: number; at: number }
  | { type: "name"; value: string; at: number }
  | { type: "op"; value: string; at: number }
  | { type: "end"; at: number };

const OPERATORS: Record<string, string> = {
  "<=": "<=", ">=": ">=", "==": "==", "!=": "!=",
  "<": "<", ">": ">", "=": "==", "≤": "<=", "≥": ">=", "≠": "!=",
  "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/",
  "(": "(", ")": ")", ",": ",",
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c >= "0" && c <= "9") {
      let j = i;
      while (j < text.length && text[j]! >= "0" && text[j]! <= "9") j++;
      if (text[j] === "." && text[j + 1] !== undefined && text[j + 1]! >= "0" && text[j + 1]! <= "9") {
        j++;
        while (j < text.length && text[j]! >= "0" && text[j]! <= "9") j++;
      }
      tokens.push({ type: "number", value: Number(text.slice(i, j)), at: i });
      i = j;
      continue;
    }
    if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_") {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      tokens.push({ type: "name", value: text.slice(i, j), at: i });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (OPERATORS[two] && two.length === 2) {
      tokens.push({ type: "op", value: OPERATORS[two]!, at: i });
      i += 2;
      continue;
    }
    if (OPERATORS[c]) {
      tokens.push({ type: "op", value: OPERATORS[c]!, at: i });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character "${c}"`, i);
  }
  tokens.push({ type: "end", at: text.length });
  return tokens;
}

/** Parses an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(text: string): Expr {
  if (text.length > EXPRESSION_MAX_LENGTH) throw new ExpressionError(`longer than ${EXPRESSION_MAX_LENGTH} characters`, 0);
  if (text.trim() === "") throw new ExpressionError("empty expression", 0);
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const isOp = (value: string) => peek().type === "op" && (peek() as { value: string }).value === value;
  const isWord = (value: string) => peek().type === "name" && (peek() as { value: string }).value === value;
  const describe = (t: Token) => (t.type === "end" ? "the end" : `"${t.type === "number" ? t.value : t.value}"`);
  const expectOp = (value: string) => {
    if (!isOp(value)) throw new ExpressionError(`expected "${value}", found ${describe(peek())}`, peek().at);
    pos++;
  };
  const nested = <T>(fn: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError("nested too deeply", peek().at);
    try {
      return fn();
    } finally {
      depth--;
    }
  };

  const or = (): Expr =>
    nested(() => {
      let left = and();
      while (isWord("or")) {
        pos++;
        left = { kind: "logic", op: "or", left, right: and() };
      }
      return left;
    });
  const and = (): Expr => {
    let left = not();
    while (isWord("and")) {
      pos++;
      left = { kind: "logic", op: "and", left, right: not() };
    }
    return left;
  };
  const not = (): Expr =>
    nested(() => {
      if (isWord("not")) {
        pos++;
        return { kind: "not", arg: not() };
      }
      return compare();
    });
  const compare = (): Expr => {
    const left = sum();
    const t = peek();
    if (t.type === "op" && ["<", "<=", ">", ">=", "==", "!="].includes(t.value)) {
      pos++;
      const right = sum();
      const after = peek();
      if (after.type === "op" && ["<", "<=", ">", ">=", "==", "!="].includes(after.value)) {
        throw new ExpressionError('compare two values at a time; join comparisons with "and"', after.at);
      }
      return { kind: "compare", op: t.value as CompareOp, left, right };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (isOp("+") || isOp("-")) {
      const op = (tokens[pos++] as { value: string }).value as ArithOp;
      left = { kind: "arith", op, left, right: product() };
    }
    return left;
  };
  const product = (): Expr => {
    let left = unary();
    while (isOp("*") || isOp("/")) {
      const op = (tokens[pos++] as { value: string }).value as ArithOp;
      left = { kind: "arith", op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr =>
    nested(() => {
      if (isOp("-")) {
        pos++;
        return { kind: "neg", arg: unary() };
      }
      return primary();
    });
  const primary = (): Expr => {
    const t = peek();
    if (t.type === "number") {
      pos++;
      return { kind: "number", value: t.value };
    }
    if (t.type === "name") {
      if (["and", "or", "not"].includes(t.value)) throw new ExpressionError(`"${t.value}" needs a value before it`, t.at);
      pos++;
      if (!isOp("(")) return { kind: "name", name: t.value };
      pos++;
      const args: Expr[] = [];
      if (!isOp(")")) {
        args.push(or());
        while (isOp(",")) {
          pos++;
          args.push(or());
        }
      }
      expectOp(")");
      return { kind: "call", fn: t.value, args };
    }
    if (t.type === "op" && t.value === "(") {
      pos++;
      const inner = or();
      expectOp(")");
      return inner;
    }
    throw new ExpressionError(`expected a number, a name or "(", found ${describe(t)}`, t.at);
  };

  const expr = or();
  if (peek().type !== "end") throw new ExpressionError(`unexpected ${describe(peek())}`, peek().at);
  return expr;
}

/** The expression written back in one canonical form, to compare two expressions ("a/b" = "a / b"). */
export function expressionText(expr: Expr): string {
  switch (expr.kind) {
    case "number":
      return String(expr.value);
    case "name":
      return expr.name;
    case "call":
      return `${expr.fn}(${expr.args.map(expressionText).join(", ")})`;
    case "neg":
      return `-(${expressionText(expr.arg)})`;
    case "not":
      return `not (${expressionText(expr.arg)})`;
    case "arith":
    case "compare":
    case "logic":
      return `(${expressionText(expr.left)} ${expr.op} ${expressionText(expr.right)})`;
  }
}

/** Every name the expression reads, outside and inside function calls. */
export function namesIn(expr: Expr): string[] {
  switch (expr.kind) {
    case "number":
      return [];
    case "name":
      return [expr.name];
    case "call":
      return expr.args.flatMap(namesIn);
    case "neg":
    case "not":
      return namesIn(expr.arg);
    default:
      return [...namesIn(expr.left), ...namesIn(expr.right)];
  }
}
