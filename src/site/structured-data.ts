/**
 * JSON-LD (schema.org) for plans and items, and the breadcrumb trail.
 */
import type { Item, Plan } from '../model/plan.ts';
import { itemCitationTitle } from './cite.ts';

export function planJsonLd(plan: Plan, url: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: plan.title,
    inLanguage: 'zh-CN',
    genre: plan.kind,
    author: plan.issuers.map((name) => ({ '@type': 'GovernmentOrganization', name })),
    ...(plan.issuedOn ? { dateCreated: plan.issuedOn } : {}),
    ...(plan.publishedOn ? { datePublished: plan.publishedOn } : {}),
    ...(plan.docNumber ? { identifier: plan.docNumber } : {}),
    ...(plan.publisher ? { publisher: { '@type': 'GovernmentOrganization', name: plan.publisher } } : {}),
    spatialCoverage: { '@type': 'AdministrativeArea', name: plan.region.name, identifier: plan.region.code },
    temporalCoverage: String(plan.year),
    ...(plan.sourceUrl ? { isBasedOn: plan.sourceUrl } : {}),
  };
}

export function itemJsonLd(plan: Plan, item: Item, url: string, planUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: itemCitationTitle(plan, item),
    inLanguage: 'zh-CN',
    position: item.number,
    isPartOf: { '@type': 'CreativeWork', '@id': planUrl, name: plan.title },
    author: plan.issuers.map((name) => ({ '@type': 'GovernmentOrganization', name })),
    ...(plan.issuedOn ? { dateCreated: plan.issuedOn } : {}),
    ...(plan.publishedOn ? { datePublished: plan.publishedOn } : {}),
  };
}

export function breadcrumbJsonLd(trail: readonly { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({ '@type': 'ListItem', position: index + 1, name: step.name, item: step.url })),
  };
}
