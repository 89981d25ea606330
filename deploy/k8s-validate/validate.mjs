// Validates every *.yaml in a folder against the Kubernetes API schemas of kubernetes-models, offline.
// Prints one JSON report on stdout: { documents: [{ file, apiVersion, kind, name, error, object }] }
// and exits 1 when a document is invalid or of a kind the schemas do not know.
//   node validate.mjs ../k8s
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const folder = process.argv[2] ?? "../k8s";
const documents = [];
for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const parsed of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
    const object = parsed.toJS();
    if (object == null) continue;
    const entry = { file, apiVersion: object.apiVersion, kind: object.kind, name: object.metadata?.name, error: null, object };
    if (parsed.errors.length > 0) {
      entry.error = parsed.errors.map((e) => e.message).join("; ");
    } else {
      entry.error = await validate(object);
    }
    documents.push(entry);
  }
}

console.log(JSON.stringify({ documents }, null, 2));
process.exit(documents.length > 0 && documents.every((d) => d.error === null) ? 0 : 1);

async function validate(object) {
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") return "apiVersion and kind are required";
  let models;
  try {
    models = await import(`kubernetes-models/${object.apiVersion}`);
  } catch {
    return `unknown apiVersion ${object.apiVersion}`;
  }
  const Model = models[object.kind];
  if (typeof Model !== "function") return `unknown kind ${object.kind} in ${object.apiVersion}`;
  try {
    new Model(object).validate();
    return null;
  } catch (error) {
    return error.message;
  }
}
