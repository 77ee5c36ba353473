// HubSpot custom pipelines: stage ids mapped per portal through configuration (HUBSPOT_STAGE_MAP),
// the default pipeline's ids built in.
import { describe, expect, it } from 'vitest';
import { parseHubspot } from '../../../agents/signals/parsers/crm.js';
import { parseStageMapConfig } from '../../../agents/signals/parsers/crm-vocabulary.js';
import { loadConfig } from '../../../config.js';
import { json } from './helpers.js';

const stages = (r: ReturnType<typeof parseHubspot>) => r.items.map((i) => (i.signal as { to: string | null }).to);

describe('HubSpot stage map', () => {
  it('maps each portal\'s custom stage ids; the default pipeline stays built in', () => {
    const map = parseStageMapConfig('{"4411": {"93451827": "proposal"}, "5522": {"93451827": "negotiation"}}');
    const r = parseHubspot(json('hubspot-custom-pipeline.json'), { portalStageMaps: map.byPortal, stageMap: map.all });
    expect(r.rejected).toEqual([]);
    expect(stages(r)).toEqual(['proposal', 'negotiation', 'negotiation']);
  });

  it('a map for every portal, and an unknown id left raw', () => {
    const map = parseStageMapConfig('{"93451827": "demo"}');
    expect(stages(parseHubspot(json('hubspot-custom-pipeline.json'), { stageMap: map.all, portalStageMaps: map.byPortal }))).toEqual(['demo', 'demo', 'negotiation']);
    expect(stages(parseHubspot(json('hubspot-custom-pipeline.json')))).toEqual(['93451827', '93451827', 'negotiation']);
  });

  it('configuration is checked: a target that is not a DESIGN stage, or JSON that is not an object, is refused', () => {
    expect(() => parseStageMapConfig('{"93451827": "almost done"}')).toThrow(/not a stage/);
    expect(() => parseStageMapConfig('[1]')).toThrow(/object/);
    expect(loadConfig({ HUBSPOT_STAGE_MAP: '{"4411": {"93451827": "proposal"}}' } as NodeJS.ProcessEnv).hubspotStageMap).toEqual({ all: {}, byPortal: { 4411: { 93451827: 'proposal' } } });
    expect(loadConfig({} as NodeJS.ProcessEnv).hubspotStageMap).toEqual({ all: {}, byPortal: {} });
  });
});
