import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GeoPermissibleObjects, geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { byName } from '../i18n/collate.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from './labels.ts';

const width = 800;
const require = createRequire(import.meta.url);

/**
 * Natural Earth's shapes carry ISO 3166-1 numeric ids, which for countries are the M49 codes our
 * parties already have: the table is read from the reference data, not typed by hand.
 */
function partyCodesByNumericId(): Map<string, string> {
  const parties = JSON.parse(readFileSync(new URL('./data/parties.json', import.meta.url), 'utf8')) as Array<{
    code: string;
    m49: string | null;
  }>;
  const codes = new Map(parties.flatMap((p) => (p.m49 ? [[p.m49, p.code] as const] : [])));
  // M49 has no entry for Chinese Taipei; ISO 3166-1 gives it 158, the id Natural Earth uses.
  codes.set('158', 'TWN');
  return codes;
}

/** SVG path data in tenths of a unit, relative after the first point: a third smaller than d3's own output. */
class CompactPath {
  data = '';
  private x = 0;
  private y = 0;
  private open = false;

  moveTo(x: number, y: number) {
    this.x = Math.round(x * 10);
    this.y = Math.round(y * 10);
    this.data += `M${tenths(this.x)} ${tenths(this.y)}`;
    this.open = false;
  }
  lineTo(x: number, y: number) {
    const [nx, ny] = [Math.round(x * 10), Math.round(y * 10)];
    if (nx === this.x && ny === this.y) return;
    const dx = tenths(nx - this.x);
    const dy = tenths(ny - this.y);
    this.data += `${this.open ? separated(dx) : `l${dx}`}${separated(dy)}`;
    this.open = true;
    [this.x, this.y] = [nx, ny];
  }
  closePath() {
    this.data += 'z';
    this.open = false;
  }
  beginPath() {}
  arc() {} // only drawn for point features, which countries are not
}

const tenths = (value: number) => (value / 10).toString().replace(/^(-?)0\./, '$1.');
const separated = (number: string) => (number.startsWith('-') ? number : ` ${number}`);

type Drawing = { height: number; paths: Map<string, string> };
let drawing: Drawing | undefined;

/** Projects every country once per process (Equal Earth, Antarctica left out); later maps only pick paths. */
function countryPaths(): Drawing {
  if (drawing) return drawing;
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  countries.features = countries.features.filter(
    (country) => country.id !== undefined && country.id !== '010',
  );
  const projection = geoEqualEarth().fitWidth(width, countries as GeoPermissibleObjects);
  const [, [, bottom]] = geoPath(projection).bounds(countries as GeoPermissibleObjects);
  const codes = partyCodesByNumericId();
  const paths = new Map<string, string>();
  for (const country of countries.features) {
    const path = new CompactPath();
    geoPath(projection, path)(country as GeoPermissibleObjects);
    // Shapes of places that are not parties (Antarctica, W. Sahara...) keep their numeric id as key.
    const key = codes.get(String(country.id)) ?? `#${country.id}`;
    paths.set(key, (paths.get(key) ?? '') + path.data);
  }
  drawing = { height: Math.ceil(bottom), paths };
  return drawing;
}

/** Party codes this map can draw (small island states have no shape at this scale). */
export const drawableParties = (): Set<string> =>
  new Set([...countryPaths().paths.keys()].filter((key) => !key.startsWith('#')));

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Colour step 1–4 relative to the largest count, as classes (colours live in site.css: strict CSP). */
const level = (count: number, max: number) => Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));

export type WorldMapOptions = {
  /** Party code → count; codes without a shape are still named in the description. */
  highlighted: Map<string, number>;
  lang: Language;
  labels: ReferenceLabels;
  title: string;
  /** "3 participants": how a count reads in the country's tooltip; a plain number by default. */
  formatCount?: (count: number) => string;
  /** Prefix of the title and desc ids, when a page holds several maps. */
  id?: string;
};

/** A server-drawn world map as an SVG string: no tiles, no script, no inline style. */
export function worldMapSvg(options: WorldMapOptions): string {
  const { highlighted, lang, labels, title } = options;
  const id = options.id ?? 'world-map';
  const formatCount = options.formatCount ?? ((count: number) => formatNumber(lang, count));
  const { height, paths } = countryPaths();
  const max = Math.max(1, ...highlighted.values());
  const named = [...highlighted]
    .map(([code, count]) => ({ code, count, name: labels.partyName(code, lang) }))
    .sort((a, b) => b.count - a.count || byName(lang)(a.name, b.name));
  const label = (entry: { name: string; count: number }) => `${entry.name}: ${formatCount(entry.count)}`;

  const background = [...paths]
    .filter(([code]) => !highlighted.has(code))
    .map(([, data]) => data)
    .join('');
  const countries = named
    .filter((entry) => paths.has(entry.code))
    .map(
      (entry) =>
        `<path class="map-level-${level(entry.count, max)}" d="${paths.get(entry.code)}"><title>${escapeXml(label(entry))}</title></path>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(named.map(label).join('; '))}</desc>` +
    `<path class="map-land" d="${background}"/>${countries}</svg>`
  );
}
