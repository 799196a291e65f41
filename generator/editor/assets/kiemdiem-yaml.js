// The YAML the project reads, written the way `kiemdiem new` writes it: keys in the form's
// order (unknown keys kept, after), dates and other look-alike strings double-quoted by the
// rules of generator/check/yamltext.py `yaml_scalar`, paragraphs as `|` blocks, nothing empty
// written (a cleared field is dropped, never `""`), text NFC. Parsing is YAML 1.2 (dates and
// `yes` stay strings) with the pinned `yaml` package. Used by kiemdiem-editor.js, and by
// tests/unit/test_editor_yaml.py under node on every sample file.
import { parse } from "./vendor/yaml/index.js";

// characters a YAML reader treats as line breaks or refuses raw: always escaped
const SPECIAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

function quoted(text) {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// plain words some YAML reader takes for something else than text: YAML 1.1 booleans
// (PyYAML), nulls, the `=` / `<<` tags; compared lowercased
const WORDS = new Set(
  ["yes", "no", "y", "n", "on", "off", "true", "false", "null", "~", "=", "<<"],
);
const INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
// an ASCII text starting like a number may be one in some reader (1.10, 0x1F, 1:20,
// 2025-12-15, 1e3, .5, +1): non-ASCII text never is
const NUMBERISH = /^[0-9+.][\u0000-\u007f]*$/;

// how a string is written after `key: `: the same rules as `kiemdiem new`
// (generator/check/yamltext.py yaml_scalar), so both ways in give the same file, and a
// string reads back as exactly itself (by kiemdiem's loader, PyYAML, this package)
function scalar(value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  const text = String(value);
  const quote =
    !text ||
    text.includes("\n") ||
    text.includes("\t") || // PyYAML's pure-Python reader refuses `a\tb` plain
    text !== text.trim() ||
    INDICATORS.includes(text[0]) ||
    /:(\s|$)/.test(text) ||
    /\s#/.test(text) ||
    WORDS.has(text.toLowerCase()) ||
    NUMBERISH.test(text);
  return quote || SPECIAL.test(text) ? quoted(text) : text;
}

function isEmpty(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

// drop what was left empty (a cleared field must not be written as "")
function clean(value) {
  if (typeof value === "string") return value.normalize("NFC").replace(/\r\n?/g, "\n");
  if (Array.isArray(value)) return value.map(clean).filter((v) => !isEmpty(v));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (!isEmpty(c)) out[k] = c;
    }
    return out;
  }
  return value;
}

// keys in the form's order (the fields' order); keys the form does not know keep theirs, after
function ordered(obj, fields) {
  const names = (fields || []).map((f) => f.name);
  const keys = Object.keys(obj);
  return [...names.filter((n) => keys.includes(n)), ...keys.filter((k) => !names.includes(k))];
}

function sub(fields, key) {
  const field = (fields || []).find((f) => f.name === key);
  return field ? field.fields || (field.field ? [field.field] : []) : [];
}

function block(text, indent) {
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const lines = body.split("\n").map((l) => (l ? indent + l : ""));
  return lines.join("\n");
}

function writeValue(key, value, fields, indent) {
  const paragraph =
    typeof value === "string" &&
    value.includes("\n") &&
    !SPECIAL.test(value) &&
    !/^\s/.test(value) &&
    // a tab in a line's indentation: the YAML refused as tab-indented ([yaml-tab]), so
    // such text is double-quoted with `\t` escapes, as `scalar` writes a one-line text
    !/\n[^\S\n]*\t/.test(value) &&
    !/[ \t]\n|\s$/.test(value.replace(/\n$/, ""));
  if (paragraph) {
    // a paragraph (text area) is written as a hand-written `|` block reads: ending with one
    // line break; any other multi-line text keeps its exact end (`|-` when it has none)
    const field = (fields || []).find((f) => f.name === key);
    const exact = value.endsWith("\n") || (field && field.widget === "text") ? "|" : "|-";
    return [`${indent}${key}: ${exact}`, block(value, indent + "  ")];
  }
  if (Array.isArray(value)) {
    const out = [`${indent}${key}:`];
    for (const item of value) {
      if (item && typeof item === "object") {
        const inner = writeMap(item, sub(fields, key), indent + "    ");
        out.push(indent + "  - " + inner[0].slice(indent.length + 4), ...inner.slice(1));
      } else {
        out.push(`${indent}  - ${scalar(item)}`);
      }
    }
    return out;
  }
  if (value && typeof value === "object") {
    return [`${indent}${key}:`, ...writeMap(value, sub(fields, key), indent + "  ")];
  }
  return [`${indent}${key}: ${scalar(value)}`];
}

function writeMap(obj, fields, indent) {
  return ordered(obj, fields).flatMap((k) => writeValue(k, obj[k], fields, indent));
}

// the CMS format: `fields` is {member: [...], org: [...]}, the generated editor fields
export function yamlFormat(fields) {
  const fieldsFor = (obj) => ("ma_dang_vien" in obj ? fields.member : fields.org);
  return {
    fromFile(text) {
      const parsed = parse(text, { version: "1.2", schema: "core", uniqueKeys: true });
      return parsed && typeof parsed === "object" ? parsed : {};
    },
    toFile(obj) {
      const cleaned = clean(obj);
      return writeMap(cleaned, fieldsFor(cleaned), "").join("\n") + "\n";
    },
  };
}
