/**
 * The one reader of the generated plans collection: what every later stage
 * (ledger, site checks, search index) sees of content/plans/.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryFolder, suiteTemporaryFolder } from '../temporary.ts';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { frontmatterOf, planFromMarkdown, readPlans } from '../../src/model/plan-files.ts';
import { runCli } from '../cli/run.ts';
import { formatError } from '../../src/model/errors.ts';

const sources = join(import.meta.dirname, '../../content/sources');

describe('reading the plans collection', () => {
  const content = suiteTemporaryFolder('plans-reader-');
  const ingested = runCli('ingest', ['--sources', sources, '--content', content, '--no-cache']);
  const files = readdirSync(join(content, 'plans'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));

  it('gives each bundled plan exactly the frontmatter a full YAML parser reads', () => {
    expect(ingested.status).toBe(0);
    expect(files.length).toBe(5);
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8');
      // `yaml` is the writer's own library: the reader must agree with it field for field.
      expect(JSON.parse(JSON.stringify(planFromMarkdown(markdown)))).toEqual(parseYaml(frontmatterOf(markdown)));
    }
  });

  it('keeps a hand-written unquoted date a string, as the model means it', () => {
    const markdown = readFileSync(files[0]!, 'utf8').replace(/^publishedOn: .*$/mu, 'publishedOn: 2024-03-26');
    expect(markdown).toContain('publishedOn: 2024-03-26\n');
    expect(planFromMarkdown(markdown).publishedOn).toBe('2024-03-26');
  });

  it('names the file whose frontmatter is missing', () => {
    const broken = temporaryFolder('plans-broken-');
    mkdirSync(join(broken, 'x'), { recursive: true });
    writeFileSync(join(broken, 'x', 'plan.md'), '# no frontmatter\n');
    expect(() => readPlans(broken)).toThrow(expect.objectContaining({ code: 'invalid-file', file: join(broken, 'x', 'plan.md'), hint: expect.stringContaining('run npm run ingest') }));
    try {
      readPlans(broken);
    } catch (error) {
      expect(formatError(error)).toBe(`${join(broken, 'x', 'plan.md')}: error [invalid-file] the plan file has no YAML frontmatter\n  hint: run npm run ingest to regenerate content/plans/`);
    }
  });
});
