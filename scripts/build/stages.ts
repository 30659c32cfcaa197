/**
 * The stages of `npm run build`, in order: the one list the build command runs
 * and the benchmark measures, so a stage added here is built and measured alike.
 */
export interface BuildStage {
  /** As the benchmark's tables name it. */
  name: 'ingest' | 'enrich' | 'ledger' | 'astro' | 'downloads' | 'verify-site' | 'pagefind';
  /** The script run with the project's Node, from the repository root. */
  script: string;
  /** Exit statuses that mean "done, but some sources failed": the build goes on and fails at the end. */
  partial: readonly number[];
}

export const buildStages: readonly BuildStage[] = [
  { name: 'ingest', script: 'scripts/cli/ingest.ts', partial: [1] },
  { name: 'enrich', script: 'scripts/cli/enrich.ts', partial: [] },
  { name: 'ledger', script: 'scripts/ledger/cli.ts', partial: [] },
  { name: 'astro', script: 'scripts/cli/astro-build.ts', partial: [] },
  { name: 'downloads', script: 'scripts/cli/downloads.ts', partial: [] },
  { name: 'verify-site', script: 'scripts/cli/verify-site.ts', partial: [] },
  { name: 'pagefind', script: 'scripts/search/build-index.ts', partial: [] },
];

/** A stage as one shell command (the benchmark times commands). */
export const stageCommand = (stage: BuildStage): string => `NODE_COMPILE_CACHE=.cache/node node ${stage.script}`;
