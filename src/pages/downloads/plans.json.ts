/** /downloads/plans.json: every plan's complete model, newest first. */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';

export const GET: APIRoute = async () => {
  const { plans } = await atlas();
  return new Response(`${JSON.stringify(plans, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
