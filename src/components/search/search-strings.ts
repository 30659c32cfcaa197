/** Chinese UI strings and facet labels of the search page. */
export const facetLabels: Record<string, string> = {
  year: '年份',
  province: '省份',
  prefecture: '城市',
  level: '行政级别',
  kind: '文件类型',
  topic: '主题',
  commitment: '量化目标',
};

export const strings = {
  label: '搜索计划与条目',
  placeholder: '输入政策词语，如 县管校聘、学前教育 普惠',
  submit: '搜索',
  sort: '排序',
  sortRelevance: '按相关度',
  sortNewest: '按年份（新→旧）',
  sortOldest: '按年份（旧→新）',
  filters: '筛选',
  filtersActive: (count: number) => (count > 0 ? `筛选（已选 ${count} 项）` : '筛选'),
  clearFilters: '清除筛选',
  more: '显示更多结果',
  loading: '正在搜索…',
  empty: '输入词语开始搜索。多个词语用空格分开，同时包含全部词语的条目排在前面。',
  noResults: (query: string) => `没有找到包含“${query}”的条目。`,
  found: (count: number) => `找到 ${count} 条结果`,
  complete: (count: number, terms: number) => (terms > 1 ? `，其中 ${count} 条同时包含全部 ${terms} 个词语` : ''),
  relaxed: (terms: string[]) => `没有条目包含完整的查询，以下为包含其中词语（${terms.join('、')}）的结果`,
  withSynonyms: (found: ReadonlyArray<{ term: string; also: readonly string[] }>) =>
    found.length === 0 ? '' : `（含同义词：${found.map((entry) => `${entry.term}＝${entry.also.join('、')}`).join('；')}）`,
  didYouMean: '您是不是要找：',
  byPinyin: (typed: string) => `按拼音“${typed}”：`,
  plan: '计划',
  noScript: '搜索需要启用 JavaScript。也可以按年份或地区浏览全部计划。',
  failed: '搜索索引加载失败，请稍后重试。',
};
