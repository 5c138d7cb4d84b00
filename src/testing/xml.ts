import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';

/**
 * XML checks for tests, with libxml2 compiled to WebAssembly (xmllint-wasm): the same validator as
 * the xmllint command, installed by npm with no system package.
 */

const iatiFolder = new URL('../../../shared/iati-2.03/', import.meta.url);
const iatiFile = (fileName: string): XMLFileInfo => ({
  fileName,
  contents: readFileSync(fileURLToPath(new URL(fileName, iatiFolder)), 'utf8'),
});

let iatiSchema: { schema: XMLFileInfo; preload: XMLFileInfo[] } | undefined;

const complaints = (result: {
  valid: boolean;
  errors: ReadonlyArray<{ rawMessage: string }>;
  rawOutput: string;
}) =>
  result.valid ? [] : result.errors.length > 0 ? result.errors.map((e) => e.rawMessage) : [result.rawOutput];

/** What the official IATI 2.03 activities schema finds wrong with the document; empty when it is valid. */
export async function iatiSchemaErrors(xml: string): Promise<string[]> {
  iatiSchema ??= {
    schema: iatiFile('iati-activities-schema.xsd'),
    preload: [iatiFile('iati-common.xsd'), iatiFile('xml.xsd')],
  };
  const result = await validateXML({
    xml: { fileName: 'activities.xml', contents: xml },
    ...iatiSchema,
    // Room for the 130 KB schema and a whole registry's download (the default stops at 32 MiB).
    maxMemoryPages: 256 * memoryPages.MiB,
  });
  return complaints(result);
}

/** What makes the text not well-formed XML; empty when it is. */
export async function xmlSyntaxErrors(xml: string): Promise<string[]> {
  return complaints(await validateXML({ xml: { fileName: 'document.xml', contents: xml }, schema: [] }));
}
