/** UI strings of the site chrome, in one place. */
export const siteName = '教育工作要点知识库';
export const siteNameEn = 'Plan Atlas';
export const siteDescription = '各地教育部门年度工作要点、工作计划与总结的全文、条目与引用。';
