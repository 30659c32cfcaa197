/** /downloads/plans.json: every plan's complete model, newest first. */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';
import { jsonRecords } from '../../site/downloads.ts';

export const GET: APIRoute = async () => {
  const { plans } = await atlas();
  return new Response(jsonRecords(plans), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
