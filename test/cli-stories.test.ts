import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers/run-cli.js';

/** The fictional example story, stored and read back as stories through the CLI. */
const EXAMPLES = path.resolve(__dirname, '../examples');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-stories-'));
  db = path.join(dir, 'db');
  const run = await runCli(['add', '--db', db, EXAMPLES]);
  expect(run.code, run.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function mainStory(): Promise<{ id: string; articles: string[] }> {
  const run = await runCli(['stories', '--db', db, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { stories: { id: string; articles: string[] }[] }).stories[0]!;
}

describe('stories from `parallax add`', () => {
  it('groups the five outlets of the example story into one story and keeps the unrelated articles out', async () => {
    const run = await runCli(['stories', '--db', db, '--format', 'json']);
    const stories = (JSON.parse(run.stdout) as { stories: { id: string; articles: string[]; title: string | null }[] }).stories;
    expect(stories[0]!.articles).toHaveLength(5);
    expect(stories.length).toBeGreaterThanOrEqual(3);
    const unrelated = stories.filter((s) => /Harriers|podcast/i.test(s.title ?? ''));
    expect(unrelated.every((s) => s.articles.length === 1)).toBe(true);
  });

  it('prints the analyst brief of a stored story with its contradiction and its timeline', async () => {
    const story = await mainStory();
    const run = await runCli(['story', story.id, '--db', db, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/## Where they disagree/);
    expect(run.stdout).toMatch(/## Timeline/);
    expect(run.stdout).toContain('Kasimir Oltenvald');
  });

  it('undoes a wrong merge on request and keeps it undone', async () => {
    const story = await mainStory();
    const before = JSON.parse((await runCli(['story', story.id, '--db', db, '--format', 'json'])).stdout).story;
    const merged = before.entities.find((e: { aliases: string[] }) => e.aliases.includes('Farida Umarin') && e.aliases.includes('Farida Oumarin'));
    expect(merged, 'the transliteration variants start merged').toBeDefined();

    const run = await runCli(['entities', 'unmerge', story.id, 'Farida Umarin', 'Farida Oumarin', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const after = JSON.parse((await runCli(['story', story.id, '--db', db, '--format', 'json'])).stdout).story;
    const holders = after.entities.filter((e: { aliases: string[] }) => e.aliases.includes('Farida Umarin') || e.aliases.includes('Farida Oumarin'));
    expect(holders).toHaveLength(2);

    const again = await runCli(['entities', 'unmerge', story.id, 'Farida Umarin', 'Farida Oumarin', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not merged/);
  });
});
