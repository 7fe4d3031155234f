// Reads PDFs with pdf.js the way a browser's PDF viewer hands them to a screen reader, and prints JSON.
//
//   node structure.mjs file.pdf            -> one document object
//   node structure.mjs a.pdf b.pdf ...     -> {"a.pdf": document, "b.pdf": document, ...} (keys as given)
//
// A document object:
//   {
//     "pages": 2,                       // page count
//     "title": "...", "lang": "en-US",  // Info /Title and the catalog's /Lang, as pdf.js reads them (or null)
//     "metadataTitle": "...",           // XMP dc:title (or null)
//     "marked": true,                   // /MarkInfo /Marked
//     "displayDocTitle": true,          // /ViewerPreferences /DisplayDocTitle (or null)
//     "outline": [{"title", "page", "url"?, "items": [...]}],   // page is 1-based, null if unresolved
//     "structure": [                    // one entry per page
//       {
//         "page": 1,
//         "tree": {"role": "Root", "children": [node...]} | null,   // page.getStructTree(), resolved
//         "untagged": "text outside any marked content with an MCID and outside artifacts",
//         "artifact": "text inside /Artifact marked content",
//         "unreferenced": {"p3R_mc7": "text"},   // MCIDs on this page with text that no content leaf names
//         "unknown": ["p3R_mc9"]                 // content leaves naming an id no page's stream has
//       }
//     ],
//     "warnings": ["..."]               // what pdf.js warned about while reading this file
//   }
// A node: {"role", "aria"?, "alt"?, "lang"?, "bbox"?, "mathML"?, "text"?, "children": [...]}
//   role  - pdf.js's role: the /S name after one RoleMap step (e.g. "H1", "P", "Figure", "TH")
//   aria  - {"role", "level"?} as pdf.js's viewer sets it on the element (struct_tree_layer_builder), if any
//   alt   - /Alt, or /ActualText when there is no /Alt (pdf.js folds both into "alt")
//   text  - the text of the element's own content leaves, joined in order (only when it has any)
// Content leaves stay in children, resolved: {"type": "content", "id": "p3R_mc5", "text": "..."};
// "object" and "annotation" leaves stay as pdf.js gives them, an annotation with "annotation":
// {"subtype", "url"?, "contents"?} when the page has it.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// pdf.js warns through console.warn (console.log in older releases); stdout carries only the JSON, and
// each document's warnings go into it as well as to stderr.
const warnings = [];
console.log = console.warn = console.info = (...args) => {
  const message = args.map(String).join(" ");
  warnings.push(message.replace(/^Warning: /, ""));
  process.stderr.write(message + "\n");
};

const here = path.dirname(fileURLToPath(import.meta.url));
const pdfjsDir = path.join(here, "node_modules", "pdfjs-dist");
const pdfjs = await import(pathToFileURL(path.join(pdfjsDir, "legacy", "build", "pdf.mjs")).href);
// The "fake worker": the worker's code runs in this process, no Worker thread, no network.
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
  path.join(pdfjsDir, "legacy", "build", "pdf.worker.mjs"),
).href;

// Copied from pdfjs-dist/web/pdf_viewer.mjs (StructTreeLayerBuilder) of the pinned version: the ARIA role
// the viewer puts on a struct element's <span>. H1..Hn get "heading" with aria-level.
const PDF_ROLE_TO_HTML_ROLE = {
  Document: null, DocumentFragment: null, Part: "group", Sect: "group", Div: "group", Aside: "note",
  NonStruct: "none", P: null, H: "heading", Title: null, FENote: "note", Sub: "group", Lbl: null,
  Span: null, Em: null, Strong: null, Link: "link", Annot: "note", Form: "form", Ruby: null, RB: null,
  RT: null, RP: null, Warichu: null, WT: null, WP: null, L: "list", LI: "listitem", LBody: null,
  Table: "table", TR: "row", TH: "columnheader", TD: "cell", THead: "rowgroup", TBody: "rowgroup",
  TFoot: null, Caption: null, Figure: "figure", Formula: null, Artifact: null,
};
const HEADING_PATTERN = /^H(\d+)$/;

function ariaFor(role, parents) {
  const match = role.match(HEADING_PATTERN);
  if (match) {
    return { role: "heading", level: Number(match[1]) };
  }
  const aria = Object.hasOwn(PDF_ROLE_TO_HTML_ROLE, role) ? PDF_ROLE_TO_HTML_ROLE[role] : null;
  if (!aria) {
    return null;
  }
  if (role === "TH" && parents.at(-1)?.role === "TR" && parents.at(-2)?.role === "TBody") {
    return { role: "rowheader" };
  }
  return { role: aria };
}

// Splits a page's text content into text per marked-content id. Marked content nests; text belongs to the
// innermost enclosing id (as in the viewer's text layer, where each id is a <span> around its text).
function textByMarkedContent(items, byId, seen) {
  const stack = []; // entries: {id, artifact}
  let untagged = "";
  let artifact = "";
  for (const item of items) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
      const id = item.type === "beginMarkedContentProps" ? item.id : null;
      if (id) {
        seen.add(id);
        if (!byId.has(id)) {
          byId.set(id, "");
        }
      }
      stack.push({ id, artifact: item.tag === "Artifact" });
      continue;
    }
    if (item.type === "endMarkedContent") {
      stack.pop();
      continue;
    }
    if (typeof item.str !== "string") {
      continue;
    }
    const text = item.str + (item.hasEOL ? "\n" : "");
    let owner = null;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].id || stack[i].artifact) {
        owner = stack[i];
        break;
      }
    }
    if (owner?.id) {
      byId.set(owner.id, byId.get(owner.id) + text);
    } else if (owner?.artifact) {
      artifact += text;
    } else {
      untagged += text;
    }
  }
  return { untagged, artifact };
}

function resolveTree(node, parents, byId, annotations, referenced) {
  const out = { role: node.role };
  const aria = ariaFor(node.role, parents);
  if (aria) {
    out.aria = aria;
  }
  for (const key of ["alt", "lang", "bbox", "mathML"]) {
    if (node[key] !== undefined) {
      out[key] = node[key];
    }
  }
  out.children = [];
  let text = null;
  parents.push(node);
  for (const child of node.children ?? []) {
    if ("role" in child) {
      out.children.push(resolveTree(child, parents, byId, annotations, referenced));
    } else if (child.type === "content") {
      referenced.add(child.id);
      const leafText = byId.get(child.id) ?? "";
      out.children.push({ type: "content", id: child.id, text: leafText });
      text = (text ?? "") + leafText;
    } else if (child.type === "annotation") {
      const leaf = { ...child };
      const annotation = annotations.get(child.id);
      if (annotation) {
        leaf.annotation = annotation;
      }
      out.children.push(leaf);
    } else {
      out.children.push({ ...child });
    }
  }
  parents.pop();
  if (text !== null) {
    out.text = text;
  }
  return out;
}

async function pageAnnotations(page) {
  const map = new Map();
  for (const a of await page.getAnnotations({ intent: "display" })) {
    const entry = { subtype: a.subtype };
    if (a.url) {
      entry.url = a.url;
    }
    if (a.contentsObj?.str) {
      entry.contents = a.contentsObj.str;
    }
    map.set(`pdfjs_internal_id_${a.id}`, entry);
  }
  return map;
}

async function outlineOf(doc, items) {
  const out = [];
  for (const item of items ?? []) {
    let page = null;
    try {
      let dest = item.dest;
      if (typeof dest === "string") {
        dest = await doc.getDestination(dest);
      }
      if (Array.isArray(dest) && dest[0]) {
        page = typeof dest[0] === "number" ? dest[0] + 1 : (await doc.getPageIndex(dest[0])) + 1;
      }
    } catch {
      page = null;
    }
    const entry = { title: item.title, page };
    if (item.url) {
      entry.url = item.url;
    }
    entry.items = await outlineOf(doc, item.items);
    out.push(entry);
  }
  return out;
}

async function readDocument(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await pdfjs.getDocument({
    data,
    verbosity: pdfjs.VerbosityLevel.WARNINGS,
    // In Node pdf.js reads these with fs.readFile: plain paths, ending in a separator.
    standardFontDataUrl: path.join(pdfjsDir, "standard_fonts") + path.sep,
    cMapUrl: path.join(pdfjsDir, "cmaps") + path.sep,
    cMapPacked: true,
    wasmUrl: path.join(pdfjsDir, "wasm") + path.sep,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
  }).promise;
  try {
    const { info, metadata } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    const preferences = await doc.getViewerPreferences();
    const outline = await outlineOf(doc, await doc.getOutline());

    // pdf.js gives each page's tree only the content leaves on that page, but text is gathered for all
    // pages first all the same, so that a leaf naming another page's content would still find its text.
    const byId = new Map();
    const seen = new Set();
    const pages = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const ownIds = new Map();
      const loose = textByMarkedContent(content.items, ownIds, seen);
      for (const [id, text] of ownIds) {
        byId.set(id, (byId.get(id) ?? "") + text);
      }
      pages.push({
        number,
        ownIds,
        loose,
        tree: await page.getStructTree(),
        annotations: await pageAnnotations(page),
      });
      page.cleanup();
    }

    const structure = [];
    for (const { number, ownIds, loose, tree, annotations } of pages) {
      const referenced = new Set();
      const resolved = tree ? resolveTree(tree, [], byId, annotations, referenced) : null;
      if (resolved) {
        delete resolved.aria;
      }
      const unreferenced = {};
      for (const [id, text] of ownIds) {
        if (text && !referenced.has(id)) {
          unreferenced[id] = text;
        }
      }
      structure.push({
        page: number,
        tree: resolved,
        untagged: loose.untagged,
        artifact: loose.artifact,
        unreferenced,
        unknown: [...referenced].filter((id) => !seen.has(id)),
      });
    }
    // Outside-the-tree ids seen on one page but referenced from another page's tree are not unreferenced.
    const everReferenced = new Set();
    const collect = (node) => {
      for (const child of node?.children ?? []) {
        if (child.type === "content") {
          everReferenced.add(child.id);
        } else if ("role" in child) {
          collect(child);
        }
      }
    };
    structure.forEach((entry) => collect(entry.tree));
    for (const entry of structure) {
      for (const id of Object.keys(entry.unreferenced)) {
        if (everReferenced.has(id)) {
          delete entry.unreferenced[id];
        }
      }
    }

    return {
      pages: doc.numPages,
      title: typeof info?.Title === "string" ? info.Title : null,
      lang: typeof info?.Language === "string" ? info.Language : null,
      metadataTitle: metadata?.get("dc:title") ?? null,
      marked: Boolean(markInfo?.Marked),
      displayDocTitle: preferences?.DisplayDocTitle ?? null,
      outline,
      structure,
    };
  } finally {
    await doc.destroy();
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write("usage: node structure.mjs file.pdf [more.pdf ...]\n");
  process.exit(2);
}
const results = {};
let failed = false;
for (const file of files) {
  warnings.length = 0;
  try {
    results[file] = await readDocument(file);
    results[file].warnings = [...warnings];
  } catch (error) {
    failed = true;
    const message = error?.name ? `${error.name}: ${error.message}` : String(error);
    results[file] = { error: message, warnings: [...warnings] };
    process.stderr.write(`${file}: ${message}\n`);
  }
}
const output = files.length === 1 ? results[files[0]] : results;
process.stdout.write(JSON.stringify(output, null, 1) + "\n", () => process.exit(failed ? 1 : 0));
