// The boxtribute explorer: query and variables editors, a token, the answer, and a schema
// browser fed by introspection. Every file it loads is served by the boxtribute binary.
// URL parameters: token, query, variables (JSON text), run=1 (send the query on load),
// type (open that type in the schema browser).
import { getIntrospectionQuery } from "./vendor/graphql-js-16.6.0/utilities/getIntrospectionQuery.mjs";

const body = document.body;
const endpoint = body.dataset.endpoint || window.location.pathname;
const introspectionOn = body.dataset.introspection !== "off";
const params = new URLSearchParams(window.location.search);

// --- Editors: CodeMirror when it loaded, the plain text areas otherwise. ---

const CM = window.CodeMirror;
if (CM && CM.defineSimpleMode) {
  // GraphQL highlighting: enough to tell names, keywords, variables, strings and comments apart.
  CM.defineSimpleMode("graphql", {
    start: [
      { regex: /"""/, token: "string", next: "blockString" },
      { regex: /"(?:[^\\"]|\\.)*"?/, token: "string" },
      { regex: /#.*/, token: "comment" },
      { regex: /\$[_A-Za-z][_0-9A-Za-z]*/, token: "variable-2" },
      { regex: /@[_A-Za-z][_0-9A-Za-z]*/, token: "meta" },
      { regex: /(?:query|mutation|subscription|fragment|on)\b/, token: "keyword" },
      { regex: /(?:true|false|null)\b/, token: "atom" },
      { regex: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, token: "number" },
      { regex: /[_A-Za-z][_0-9A-Za-z]*(?=\s*:)/, token: "attribute" },
      { regex: /[A-Z][_0-9A-Za-z]*/, token: "type" },
      { regex: /[_a-z][_0-9A-Za-z]*/, token: "property" },
      { regex: /[{[(]/, indent: true },
      { regex: /[}\])]/, dedent: true },
    ],
    blockString: [
      { regex: /.*?"""/, token: "string", next: "start" },
      { regex: /.*/, token: "string" },
    ],
    meta: { lineComment: "#" },
  });
}

function makeEditor(textarea, mode) {
  if (!CM) {
    return { getValue: () => textarea.value, setValue: (text) => { textarea.value = text; } };
  }
  const editor = CM.fromTextArea(textarea, {
    mode,
    lineNumbers: true,
    matchBrackets: true,
    tabSize: 2,
    indentUnit: 2,
    extraKeys: { "Ctrl-Enter": () => run(), "Cmd-Enter": () => run() },
  });
  return editor;
}

const queryEditor = makeEditor(document.getElementById("query"), "graphql");
const variablesEditor = makeEditor(document.getElementById("variables"), { name: "javascript", json: true });
const tokenField = document.getElementById("token");
const statusLabel = document.getElementById("status");
const resultBox = document.getElementById("result");

if (params.has("token")) tokenField.value = params.get("token");
if (params.has("query")) queryEditor.setValue(params.get("query"));
if (params.has("variables")) variablesEditor.setValue(params.get("variables"));

document.getElementById("run").addEventListener("click", () => run());
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});

// --- Running a query. ---

async function post(payload) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const token = tokenField.value.trim().replace(/^Bearer\s+/i, "");
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(payload) });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch (error) {
    json = null;
  }
  return { status: response.status, statusText: response.statusText, text, json };
}

function show(state, status, text) {
  statusLabel.dataset.state = state;
  statusLabel.textContent = status;
  resultBox.dataset.state = state;
  resultBox.textContent = text;
}

let running = false;
async function run() {
  if (running) return;
  const payload = { query: queryEditor.getValue() };
  const variablesText = variablesEditor.getValue().trim();
  if (variablesText) {
    try {
      payload.variables = JSON.parse(variablesText);
    } catch (error) {
      show("error", "variables", "The variables are not valid JSON: " + error.message);
      return;
    }
  }
  running = true;
  show("running", "…", "Running…");
  try {
    const answer = await post(payload);
    const state = answer.status >= 200 && answer.status < 300 ? "done" : "error";
    const shown = answer.json !== null ? JSON.stringify(answer.json, null, 2) : answer.text;
    show(state, "HTTP " + answer.status + (answer.statusText ? " " + answer.statusText : ""), shown);
  } catch (error) {
    show("error", "no answer", "The request failed: " + error.message);
  } finally {
    running = false;
  }
}

// --- Schema browser. ---

const schemaBody = document.getElementById("schema-body");
const schemaPath = document.getElementById("schema-path");
let types = new Map();
let roots = [];

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function namedType(ref) {
  while (ref && ref.ofType) ref = ref.ofType;
  return ref ? ref.name : null;
}

// A type reference such as [Box!]!, its named type a link into the browser.
function typeReference(ref) {
  if (!ref) return document.createTextNode("?");
  if (ref.kind === "NON_NULL") return element("span", {}, typeReference(ref.ofType), "!");
  if (ref.kind === "LIST") return element("span", {}, "[", typeReference(ref.ofType), "]");
  const link = element("a", { href: "#", class: "type-link", "data-type": ref.name }, ref.name);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    showType(ref.name);
  });
  return link;
}

function description(text) {
  return text ? element("p", { class: "description" }, text) : null;
}

function deprecation(item) {
  return item.isDeprecated
    ? element("p", { class: "deprecated" }, "Deprecated: " + (item.deprecationReason || "no reason given"))
    : null;
}

function argumentList(args) {
  if (!args || args.length === 0) return null;
  const list = element("ul", { class: "arguments" });
  for (const arg of args) {
    list.append(
      element(
        "li",
        {},
        element("code", { class: "argument-name" }, arg.name),
        ": ",
        typeReference(arg.type),
        arg.defaultValue !== null && arg.defaultValue !== undefined ? " = " + arg.defaultValue : null,
        description(arg.description),
        deprecation(arg),
      ),
    );
  }
  return list;
}

function fieldList(fields, withArguments) {
  const list = element("ul", { class: "fields" });
  for (const field of fields) {
    list.append(
      element(
        "li",
        { class: field.isDeprecated ? "field is-deprecated" : "field", "data-field": field.name },
        element("code", { class: "field-name" }, field.name),
        ": ",
        typeReference(field.type),
        description(field.description),
        deprecation(field),
        withArguments ? argumentList(field.args) : null,
      ),
    );
  }
  return list;
}

function setPath(...items) {
  schemaPath.replaceChildren();
  const home = element("a", { href: "#" }, "Roots");
  home.addEventListener("click", (event) => {
    event.preventDefault();
    showRoots();
  });
  schemaPath.append(home);
  for (const item of items) schemaPath.append(" › ", item);
}

function showRoots() {
  setPath();
  schemaBody.replaceChildren();
  for (const root of roots) {
    const type = types.get(root.name);
    if (!type) continue;
    schemaBody.append(
      element("h3", {}, root.label + " (", typeReference({ kind: "OBJECT", name: type.name }), ")"),
      fieldList(type.fields || [], true),
    );
  }
  const others = [...types.values()].filter((type) => !type.name.startsWith("__"));
  const index = element("ul", { class: "type-index" });
  for (const type of others.sort((a, b) => a.name.localeCompare(b.name))) {
    index.append(element("li", {}, typeReference({ kind: type.kind, name: type.name }), " ", type.kind.toLowerCase()));
  }
  schemaBody.append(element("h3", {}, "All types"), index);
  schemaBody.dataset.state = "ready";
}

function showType(name) {
  const type = types.get(name);
  if (!type) return;
  setPath(element("span", {}, name));
  schemaBody.replaceChildren(element("h3", {}, name + " ", element("small", {}, type.kind.toLowerCase())));
  const parts = [description(type.description)];
  if (type.interfaces && type.interfaces.length) {
    parts.push(element("p", {}, "Implements ", ...type.interfaces.flatMap((ref, i) => (i ? [", ", typeReference(ref)] : [typeReference(ref)]))));
  }
  if (type.fields) parts.push(element("h4", {}, "Fields"), fieldList(type.fields, true));
  if (type.inputFields) parts.push(element("h4", {}, "Input fields"), argumentList(type.inputFields));
  if (type.possibleTypes && type.possibleTypes.length) {
    const list = element("ul", {});
    for (const ref of type.possibleTypes) list.append(element("li", {}, typeReference(ref)));
    parts.push(element("h4", {}, "Possible types"), list);
  }
  if (type.enumValues) {
    const list = element("ul", { class: "enum-values" });
    for (const value of type.enumValues) {
      list.append(element("li", {}, element("code", {}, value.name), description(value.description), deprecation(value)));
    }
    parts.push(element("h4", {}, "Values"), list);
  }
  schemaBody.append(...parts.filter(Boolean));
}

async function loadSchema() {
  if (!introspectionOn) {
    schemaBody.dataset.state = "off";
    schemaBody.textContent =
      "Introspection is off on this endpoint (the full API answers it in development only), so the schema can't be browsed here. Queries still run.";
    return;
  }
  try {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: false });
    const answer = await post({ query, operationName: "IntrospectionQuery" });
    const schema = answer.json && answer.json.data && answer.json.data.__schema;
    if (!schema) {
      const errors = answer.json && answer.json.errors ? answer.json.errors.map((e) => e.message).join("; ") : answer.text;
      schemaBody.dataset.state = "error";
      const hint = answer.status === 401 ? " Enter a token (the field above) to read the schema." : "";
      schemaBody.textContent = "The schema could not be read (HTTP " + answer.status + "): " + errors + hint;
      return;
    }
    types = new Map(schema.types.map((type) => [type.name, type]));
    roots = [
      { label: "Queries", name: schema.queryType && schema.queryType.name },
      { label: "Mutations", name: schema.mutationType && schema.mutationType.name },
    ].filter((root) => root.name);
    showRoots();
    if (params.has("type")) showType(params.get("type"));
  } catch (error) {
    schemaBody.dataset.state = "error";
    schemaBody.textContent = "The schema could not be read: " + error.message;
  }
}

// The token field may be filled after load: re-read the schema when it changes.
tokenField.addEventListener("change", () => loadSchema());

const schemaLoaded = loadSchema();
if (params.get("run") === "1") {
  // Sequential, so a check that auto-runs sees both the schema and the answer.
  schemaLoaded.then(() => run());
}
