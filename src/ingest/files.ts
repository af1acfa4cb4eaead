import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../core/index.js';
import { INGEST_ERROR_CODES } from './errors.js';
import { tooLarge } from './size.js';
import { BINARY_EXTENSIONS, KNOWN_TEXT_EXTENSIONS, detectBinary, extensionOf, withoutGzipSuffix } from './sniff.js';

/**
 * Text files a folder often holds beside its articles (notes, data, code): a folder
 * listing skips them; named on the command line, they are still read.
 */
const NON_ARTICLE_EXTENSIONS = new Set([
  'md', 'markdown', 'json', 'csv', 'tsv', 'yml', 'yaml', 'toml', 'ini', 'log', 'lock',
  'js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'map', 'css', 'py', 'sh', 'sql',
]);

/** Bytes read from a file of unknown type to decide whether a folder listing keeps it. */
const LISTING_SNIFF_BYTES = 512;

/**
 * All readable input files under `dir`, recursively, sorted by path (code
 * point order, so the order is the same on every machine). Skips hidden files
 * and folders, files with binary extensions (images, PDFs, archives …), and
 * files of unknown type whose first bytes are binary. Symbolic links to
 * folders are not followed (no cycles).
 */
export async function listInputFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, out);
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(full, out);
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile())) {
      if (await isLikelyInputFile(full)) out.push(full);
    }
  }
}

async function isLikelyInputFile(file: string): Promise<boolean> {
  const ext = extensionOf(withoutGzipSuffix(file));
  if (KNOWN_TEXT_EXTENSIONS.has(ext)) return true;
  if (NON_ARTICLE_EXTENSIONS.has(ext)) return false;
  if (BINARY_EXTENSIONS.has(ext) || BINARY_EXTENSIONS.has(extensionOf(file))) return false;
  if (extensionOf(file) === 'gz') return false; // a gzip of something we do not know
  const head = await readHead(file, LISTING_SNIFF_BYTES).catch(() => null);
  return head !== null && head.length > 0 && detectBinary(head) === null;
}

async function readHead(file: string, n: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface FileCheck {
  readonly size: number;
  readonly isDirectory: boolean;
}

/** Stat an input path, turning failures into `E_NOT_FOUND` / `E_READ`. */
export async function statInput(file: string): Promise<FileCheck> {
  try {
    const info = await stat(file);
    return { size: info.size, isDirectory: info.isDirectory() };
  } catch (err) {
    throw fileError(file, err);
  }
}

/**
 * Read a whole input file after checking its size with stat, so a file over
 * the cap is refused without being read into memory.
 */
export async function readInputFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const { size, isDirectory } = await statInput(file);
  if (isDirectory) throw new IngestError(INGEST_ERROR_CODES.empty, `${file}: folder holds no input files`);
  if (size === 0) throw new IngestError(INGEST_ERROR_CODES.empty, `${file}: file is empty`);
  if (size > maxBytes) throw tooLarge(file, maxBytes);
  try {
    return await readFile(file);
  } catch (err) {
    throw fileError(file, err);
  }
}

/** Map a file-system error to a one-line IngestError. */
export function fileError(file: string, err: unknown): IngestError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new IngestError(INGEST_ERROR_CODES.notFound, `${file}: no such file or folder`, { cause: err });
  if (code === 'EACCES' || code === 'EPERM') return new IngestError(INGEST_ERROR_CODES.read, `${file}: permission denied`, { cause: err });
  if (code === 'EISDIR') return new IngestError(INGEST_ERROR_CODES.read, `${file}: is a folder`, { cause: err });
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new IngestError(INGEST_ERROR_CODES.read, `${file}: cannot read (${reason})`, { cause: err });
}
