/**
 * The malformed corpus (test/specs/invalid/<case>/) and exactly what the generator must say about each:
 * `<file>:<line>:<col> <code>: <start of the message>`, in the order the CLI prints them.
 */
export const INVALID_CASES: readonly (readonly [string, readonly string[]])[] = [
  ["alias-bomb", [
    "widget.yaml:5:8 wrong-type: field #2 must be a mapping, found a list",
    "widget.yaml:6:8 wrong-type: field #3 must be a mapping, found a list",
    "widget.yaml:7:8 wrong-type: field #4 must be a mapping, found a list",
    "widget.yaml:8:8 wrong-type: field #5 must be a mapping, found a list",
    "widget.yaml:9:11 wrong-type: field name must be a string, found an unsuppo",
  ]],
  ["api-bad", [
    "api.yaml:2:9 api-spec: package.name must be a non-empty string",
  ]],
  ["api-custom-tag", [
    "api.yaml:2:9 yaml-syntax: Unresolved tag: tag:yaml.org,2002:js/function",
  ]],
  ["bom", [
    "widget.yaml:1:1 encoding: the file starts with a UTF-8 byte order mark;",
  ]],
  ["circular-tables", [
    "widget.yaml:20:16 circular-table: nested tables contain each other: Widget Enti",
  ]],
  ["custom-tag", [
    "widget.yaml:2:8 yaml-syntax: Unresolved tag: tag:yaml.org,2002:js/function",
  ]],
  ["duplicate-enum-value", [
    "widget.yaml:7:24 duplicate-enum-value: enum of 'color' lists 'red' twice",
  ]],
  ["duplicate-field", [
    "widget.yaml:7:11 duplicate-field: field 'widgetId' is already defined at line 4",
  ]],
  ["duplicate-key", [
    "widget.yaml:7:5 duplicate-key: Map keys must be unique",
  ]],
  ["duplicate-object-type", [
    "a-widget.yaml:1:13 file-name: a spec of object type 'widget' must be named ",
    "widget.yaml:1:13 duplicate-object-type: object type 'widget' is already declared in t",
  ]],
  ["empty-enum", [
    "widget.yaml:7:11 invalid-value: enum of field 'color' is empty",
    "widget.yaml:11:18 wrong-type: items of enum of field 'size' must be strings",
  ]],
  ["empty-field-name", [
    "widget.yaml:4:11 invalid-value: field name must not be empty",
  ]],
  ["empty-file", [
    "widget.yaml:1:1 wrong-type: the spec is empty; expected a mapping with ob",
  ]],
  ["enum-example", [
    "widget.yaml:8:14 enum-example: example 'Male' of 'gender' is not one of its ",
  ]],
  ["enum-name-collision", [
    "widget.yaml:8:11 name-collision: the enum of 'Status' in entity 'widget' would",
    "widget.yaml:8:11 name-collision: the enum values of 'Status' in entity 'widget",
  ]],
  ["enum-on-integer", [
    "widget.yaml:7:11 not-applicable: 'size' has type integer; only string fields t",
  ]],
  ["erratum-mismatch", [
    "widget.yaml:9:5 erratum-mismatch: erratum's doc text \"8\" differs from the examp",
  ]],
  ["example-wrong-type", [
    "widget.yaml:7:14 example-type: example 'twelve' of 'count' is not an integer",
    "widget.yaml:11:14 example-type: example '2024-01-01' of 'createdAt' is not an",
    "widget.yaml:15:14 example-type: example '2001-02-29' of 'dob' is not a calend",
    "widget.yaml:20:14 example-type: example 'PicLink1; PicLink2' of 'photos' is not a JSON array of strings",
  ]],
  ["fields-is-mapping", [
    "widget.yaml:4:3 wrong-type: fields must be a list, found a mapping",
  ]],
  ["file-name-mismatch", [
    "gadget.yaml:1:13 file-name: a spec of object type 'widget' must be named ",
  ]],
  ["format-on-number", [
    "widget.yaml:7:13 not-applicable: 'count' has type integer; format applies to s",
    "widget.yaml:15:14 not-applicable: 'label' has type string; minimum and maximum ",
  ]],
  ["infinite-bound", [
    "widget.yaml:7:14 wrong-type: maximum of field 'size' must be a finite numb",
  ]],
  ["invalid-table-name", [
    "widget.yaml:9:12 invalid-name: nested table '123' would be named '123', whic",
  ]],
  ["minimum-above-maximum", [
    "widget.yaml:7:14 invalid-value: minimum of 'size' (10) is above its maximum (",
  ]],
  ["missing-keys", [
    "widget.yaml:1:1 missing-key: a spec has no 'objectType'",
    "widget.yaml:1:1 missing-key: a spec has no 'title'",
    "widget.yaml:3:5 missing-key: field #1 has no 'docType'",
  ]],
  ["not-utf8", [
    "widget.yaml:1:1 encoding: the file is not valid UTF-8",
  ]],
  ["object-type-not-kebab", [
    "Widget_Thing.yaml:1:13 invalid-value: objectType 'Widget_Thing' must be kebab-case ",
  ]],
  ["object-type-number", [
    "widget.yaml:1:13 wrong-type: objectType must be a string, found number 42 ",
  ]],
  ["object-without-table", [
    "widget.yaml:6:11 table-mismatch: 'part' has type object but names no nested ta",
    "widget.yaml:10:12 table-mismatch: 'label' has type string; only object and arra",
  ]],
  ["only-comments", [
    "widget.yaml:1:1 wrong-type: the spec is empty; expected a mapping with ob",
  ]],
  ["required-is-string", [
    "widget.yaml:7:15 wrong-type: required of field 'widgetId' must be true or ",
  ]],
  ["reserved-name", [
    "object.yaml:1:13 reserved-name: entity 'object' would be named 'Object', whic",
  ]],
  ["root-is-list", [
    "widget.yaml:1:1 wrong-type: a spec must be a mapping, found a list",
  ]],
  ["root-is-scalar", [
    "widget.yaml:1:1 wrong-type: a spec must be a mapping, found the string \"j",
  ]],
  ["rule-malformed", [
    "widget.yaml:8:11 invalid-value: kind of rule #1 is 'one-of', which is not one",
    "widget.yaml:12:13 invalid-value: an any-of rule needs at least two groups",
    "widget.yaml:13:10 invalid-value: a rule must quote at least one doc sentence",
    "widget.yaml:14:5 wrong-type: rule #3 must be a mapping, found the string \"",
  ]],
  ["rule-unknown-field", [
    "widget.yaml:12:24 unknown-field: an any-of rule names 'emial', which is not a ",
  ]],
  ["self-nested-table", [
    "widget.yaml:14:16 circular-table: nested tables contain each other: Widget Enti",
  ]],
  ["tab-indent", [
    "widget.yaml:5:1 yaml-syntax: Tabs are not allowed as indentation",
    "widget.yaml:5:11 yaml-syntax: Implicit keys need to be on a single line",
    "widget.yaml:5:11 yaml-syntax: Nested mappings are not allowed in compact ma",
  ]],
  ["two-documents", [
    "widget.yaml:7:1 yaml-syntax: a spec file holds one YAML document; remove t",
  ]],
  ["unknown-format", [
    "widget.yaml:7:13 invalid-value: format of field 'email' is 'e-mail', which is",
  ]],
  ["unknown-key", [
    "widget.yaml:1:1 missing-key: a spec has no 'fields'",
    "widget.yaml:3:1 unknown-key: unknown key 'feilds' in a spec (did you mean ",
  ]],
  ["unknown-table", [
    "widget.yaml:7:12 unknown-table: 'part' names the nested table 'Prat Entity', ",
  ]],
  ["unknown-tag", [
    "widget.yaml:3:8 invalid-value: unknown tag 'SUPPORT_IGNORED_UPDATE_CF'; know",
    "widget.yaml:3:35 wrong-type: items of tags must be strings, found number 7",
  ]],
  ["unknown-type", [
    "widget.yaml:6:11 unknown-type: type of field 'widgetId' is 'varchar', which ",
    "widget.yaml:9:11 unknown-type: type of field 'count' is 'intger', which is n",
  ]],
  ["yaml-bad-indent", [
    "widget.yaml:4:11 yaml-syntax: Implicit keys need to be on a single line",
    "widget.yaml:4:11 yaml-syntax: Nested mappings are not allowed in compact ma",
  ]],
  ["yaml-unclosed-quote", [
    "widget.yaml:7:1 yaml-syntax: Missing closing \"quote",
  ]],
];
