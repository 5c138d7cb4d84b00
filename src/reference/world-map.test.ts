import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { xmlSyntaxErrors } from '../testing/xml.ts';
import type { ReferenceLabels } from './labels.ts';
import { drawableParties, worldMapSvg } from './world-map.ts';

const names: Record<string, string> = {
  KEN: 'Kenya',
  RWA: 'Rwanda',
  VNM: 'Viet Nam',
  SGP: 'Singapore',
  TWN: 'Chinese Taipei',
  PER: 'Pérou',
};
// The map only needs party names; the full labels come from the database elsewhere.
const labels = { partyName: (code: string) => names[code] ?? code } as unknown as ReferenceLabels;

const draw = (highlighted: Array<[string, number]>, title = 'Participants') =>
  worldMapSvg({ highlighted: new Map(highlighted), lang: 'en', labels, title });

describe('world map', () => {
  it('draws highlighted countries with an accessible name and count each', () => {
    const svg = draw([
      ['KEN', 4],
      ['RWA', 1],
      ['VNM', 2],
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="world-map-title world-map-desc"/);
    expect(svg).toContain('<title id="world-map-title">Participants</title>');
    expect(svg).toContain('<desc id="world-map-desc">Kenya: 4; Viet Nam: 2; Rwanda: 1</desc>');
    expect(svg).toMatch(/<path class="map-level-4" d="M[^"]+"><title>Kenya: 4<\/title><\/path>/);
    expect(svg).toMatch(/<path class="map-level-1" d="M[^"]+"><title>Rwanda: 1<\/title><\/path>/);
    expect(svg.match(/class="map-level-/g)).toHaveLength(3);
  });

  it('uses classes for colours, never a style attribute, and is well-formed XML', async () => {
    const svg = draw([['KEN', 1]]);
    expect(svg).not.toMatch(/style=/i);
    expect(svg).not.toMatch(/<script|href=/i);
    expect(await xmlSyntaxErrors(svg)).toEqual([]);
  });

  it('stays small: one decimal, relative coordinates', () => {
    const svg = draw([['KEN', 1]]);
    expect(svg.length).toBeLessThan(80_000);
    expect(brotliCompressSync(svg).length).toBeLessThan(25_000);
    expect(svg).not.toMatch(/\d\.\d\d/);
  });

  it('maps Natural Earth ids to party codes through the reference data, Chinese Taipei included', () => {
    const drawable = drawableParties();
    for (const code of ['KEN', 'BGD', 'JAM', 'PER', 'CAN', 'TWN', 'BRA'])
      expect(drawable.has(code)).toBe(true);
    expect(drawable.size).toBeGreaterThan(150);
    expect(draw([['TWN', 1]])).toContain('<title>Chinese Taipei: 1</title>');
  });

  it('names countries too small to draw in the description', () => {
    const svg = draw([
      ['SGP', 2],
      ['KEN', 1],
    ]);
    expect(drawableParties().has('SGP')).toBe(false);
    expect(svg).toContain('Singapore: 2; Kenya: 1');
    expect(svg).not.toContain('<title>Singapore');
  });

  it('escapes titles and names', () => {
    const svg = draw([['PER', 1]], 'Fish & <chips> "quoted"');
    expect(svg).toContain('Fish &amp; &lt;chips&gt; &quot;quoted&quot;');
    expect(svg).toContain('Pérou: 1');
  });

  it('formats counts as asked and keeps ids apart for several maps on one page', () => {
    const svg = worldMapSvg({
      highlighted: new Map([['KEN', 1200]]),
      lang: 'fr',
      labels,
      title: 'Carte',
      id: 'second-map',
      formatCount: (count) => `${count} participants`,
    });
    expect(svg).toContain('aria-labelledby="second-map-title second-map-desc"');
    expect(svg).toContain('<title>Kenya: 1200 participants</title>');
    // The default formats in the page's language.
    expect(worldMapSvg({ highlighted: new Map([['KEN', 1200]]), lang: 'fr', labels, title: 'x' })).toContain(
      'Kenya: 1\u202f200',
    );
  });

  it('projects once per process', () => {
    draw([['KEN', 1]]);
    const started = performance.now();
    for (let i = 0; i < 20; i++) draw([['KEN', i + 1]]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
