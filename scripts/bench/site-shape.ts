/**
 * What a built site weighs, per plan: files and bytes in all and by top folder of
 * dist/ (downloads, terms, pagefind, the plans' own folders…), so the bench can say
 * which part of the site grows with the atlas and what a host has to hold.
 */
import { siteFiles } from '../build/site-files.ts';

export interface FolderShape {
  /** The top folder of dist/, or "(root files)" for the files directly in it. */
  folder: string;
  files: number;
  bytes: number;
}

export interface SiteShape {
  files: number;
  bytes: number;
  /** The largest folders first; the plans' own folders are gathered as "(plans)" (see folderRow). */
  folders: FolderShape[];
}

/**
 * Names a top folder's row: a plan's pages live under its province's folder (the
 * first segment of its URL, one of `planFolders`), and those are gathered into one row.
 */
export function folderRow(top: string, planFolders: ReadonlySet<string>): string {
  return planFolders.has(top) ? '(plans)' : top;
}

export function siteShape(dist: string, planFolders: ReadonlySet<string>): SiteShape {
  const byFolder = new Map<string, FolderShape>();
  let files = 0;
  let bytes = 0;
  for (const { relative: path, bytes: size } of siteFiles(dist)) {
    const slash = path.indexOf('/');
    const folder = slash === -1 ? '(root files)' : folderRow(path.slice(0, slash), planFolders);
    const row = byFolder.get(folder) ?? { folder, files: 0, bytes: 0 };
    row.files += 1;
    row.bytes += size;
    byFolder.set(folder, row);
    files += 1;
    bytes += size;
  }
  const folders = [...byFolder.values()].sort((a, b) => b.bytes - a.bytes || a.folder.localeCompare(b.folder));
  return { files, bytes, folders };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(0);

/** `dist/  44,751 files, 518.0 MB: 44.8 files and 530 KB a plan` and a line per folder. */
export function formatSiteShape(label: string, shape: SiteShape, plans: number): string[] {
  const perPlan = (value: number): string => (value / plans).toFixed(1);
  const lines = [
    `${label.padEnd(18)} ${shape.files.toLocaleString('en-US')} files, ${(shape.bytes / 1024 / 1024).toFixed(1)} MB: ${perPlan(shape.files)} files and ${kb(shape.bytes / plans)} KB a plan`,
  ];
  for (const row of shape.folders.slice(0, 8)) {
    lines.push(`${''.padEnd(18)}   ${row.folder.padEnd(14)} ${perPlan(row.files).padStart(7)} files ${kb(row.bytes / plans).padStart(6)} KB a plan`);
  }
  return lines;
}
