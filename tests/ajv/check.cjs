// Compiles a JSON Schema with ajv (draft 2020-12, formats from ajv-formats) and validates
// JSON Lines files against it; prints one JSON report on stdout for the Python test to read.
// Usage: node check.cjs NODE_MODULES SCHEMA [RECORDS.jsonl ...]
// Strict mode has every strict option on: a schema other pipelines load must compile there.
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, schemaFile, ...rest] = process.argv.slice(2);
const Ajv2020 = require(path.resolve(modules, "ajv/dist/2020")).default;
const addFormats = require(path.resolve(modules, "ajv-formats")).default;

const recordFiles = rest;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

function invalidLines(validate, file) {
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((line) => line.trim());
  const invalid = [];
  lines.forEach((line, index) => {
    if (!validate(JSON.parse(line))) invalid.push({ file, line: index + 1, errors: validate.errors });
  });
  return { checked: lines.length, invalid };
}

const report = { compiled: false, error: null, checked: 0, invalid: [] };
try {
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
  report.compiled = true;
  for (const file of recordFiles) {
    const result = invalidLines(validate, file);
    report.checked += result.checked;
    report.invalid.push(...result.invalid);
  }
} catch (error) {
  report.error = error.message;
}
process.stdout.write(JSON.stringify(report) + "\n");
