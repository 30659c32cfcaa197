/**
 * Zero HTML validation errors on every page of the built site (html-validate with
 * its recommended rules; test/site-checks/htmlvalidate.config.ts says why any rule
 * differs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, type BuiltSite } from '../browser/build.ts';
import { htmlValidateConfig } from './htmlvalidate.config.ts';

for (const kind of ['root', 'atlas'] as const) {
  describe(`HTML validation (${kind === 'root' ? 'default base' : 'BASE_PATH=/atlas/, with a redirect page'})`, () => {
    let site: BuiltSite;
    beforeAll(async () => {
      site = await builtSite(kind);
    });

    it('finds no error or warning on any page of dist/', { timeout: 300_000 }, async () => {
      const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
      const files = readdirSync(site.dist, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
      expect(files.length).toBeGreaterThan(0);
      const messages: string[] = [];
      for (const file of files) {
        const report = await validator.validateString(readFileSync(file, 'utf8'), file);
        for (const result of report.results) {
          for (const message of result.messages) {
            messages.push(`${relative(site.dist, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
          }
        }
      }
      // One line per rule broken, with a count and the first three places, keeps a failure readable.
      const byRule = new Map<string, string[]>();
      for (const message of messages) {
        const rule = /^\S+ (\S+):/.exec(message)?.[1] ?? '?';
        byRule.set(rule, [...(byRule.get(rule) ?? []), message]);
      }
      const summary = [...byRule].map(([rule, list]) => `${rule} ×${list.length}\n  ${list.slice(0, 3).join('\n  ')}`);
      expect(summary.join('\n')).toBe('');
    });
  });
}
