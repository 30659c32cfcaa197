import { describe, expect, it } from 'vitest';
import { createTopicScorer } from '../../scripts/enrich/topics.ts';
import { loadTaxonomy, parseTaxonomy, signalTerms } from '../../scripts/enrich/taxonomy.ts';

const taxonomy = parseTaxonomy(`
topics:
  - slug: preschool
    name: 学前教育
    kind: stage
    definition: 幼儿园。
    signals: { 学前教育: 3, 幼儿园: 3, 普惠: 1 }
  - slug: senior-high
    name: 普通高中
    kind: stage
    definition: 高中。
    signals: { 普通高中: 3, 县中: 3 }
  - slug: teachers
    name: 教师队伍
    kind: theme
    definition: 教师。
    signals: { 教师: 1, 师德: 3, 培训: 1 }
`);
const options = { minScore: 3, relativeCut: 0.45, maxTopics: 2, titleBoost: 1.5 };

describe('topic scoring', () => {
  const scorer = createTopicScorer(taxonomy, options);

  it('scores by signal weight and repetition, best first', () => {
    const scores = scorer.scores(['推进', '学前教育', '普惠', '，', '幼儿园', '幼儿园', '教师'], []);
    expect(scores.map((score) => score.slug)).toEqual(['preschool', 'teachers']);
    expect(scores[0]!.score).toBeCloseTo(3 + 1 + 3 * (1 + Math.log(2)), 2);
    expect(scores[0]!.evidence[0]).toBe('幼儿园');
  });

  it('assigns nothing when only weak signals are present: reported, not forced', () => {
    expect(scorer.assign(['教师', '培训', '普惠'], [])).toEqual([]);
  });

  it('drops topics far below the best and keeps at most maxTopics', () => {
    const assigned = scorer.assign(['学前教育', '幼儿园', '普通高中', '师德', '幼儿园', '幼儿园', '学前教育'], []);
    expect(assigned.length).toBeLessThanOrEqual(2);
    expect(assigned[0]!.slug).toBe('preschool');
    const weak = scorer.assign(['学前教育', '幼儿园', '学前教育', '幼儿园', '普惠', '教师', '培训', '教师'], []);
    expect(weak.map((topic) => topic.slug)).toEqual(['preschool']);
  });

  it('counts a signal in the lead phrase more', () => {
    const plain = scorer.scores(['师德', '县中'], []);
    const led = scorer.scores(['师德', '县中'], ['师德']);
    expect(plain[0]!.score).toBe(plain[1]!.score);
    expect(led[0]!.slug).toBe('teachers');
    expect(led[0]!.score).toBeGreaterThan(led[1]!.score);
  });

  it('counts the longest signal inside a longer word, but never across words', () => {
    expect(scorer.scores(['学前教育资源'], [])[0]?.slug).toBe('preschool');
    // 全县|中小学: 县中 straddles two words and is no evidence for 普通高中.
    expect(scorer.scores(['全县', '中小学'], []).map((score) => score.slug)).not.toContain('senior-high');
  });
});

describe('the curated taxonomy', () => {
  const curated = loadTaxonomy();

  it('has 20 to 30 topics covering the school stages the brief names', () => {
    expect(curated.topics.length).toBeGreaterThanOrEqual(20);
    expect(curated.topics.length).toBeLessThanOrEqual(30);
    const names = curated.topics.map((topic) => topic.name);
    for (const name of ['学前教育', '义务教育', '普通高中', '职业教育', '高等教育', '特殊教育', '民办教育与校外培训', '继续教育', '党建', '思政德育', '心理健康', '教师队伍', '教育督导', '安全稳定', '家校社协同']) {
      expect(names).toContain(name);
    }
    expect(signalTerms(curated).length).toBeGreaterThan(200);
  });

  it('rejects a taxonomy with a repeated slug or a topic without signals', () => {
    const topic = (slug: string, signals: string) => `  - { slug: ${slug}, name: 名${slug}, kind: theme, definition: 定义, signals: ${signals} }\n`;
    expect(() => parseTaxonomy(`topics:\n${topic('a', '{ 甲: 1 }')}${topic('a', '{ 乙: 1 }')}`)).toThrow(/a is used twice/);
    expect(() => parseTaxonomy(`topics:\n${topic('a', '{}')}`)).toThrow(/at least one signal/);
  });
});
