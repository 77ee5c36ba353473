// CRM values → DESIGN.md's vocabulary: deal stages and contact roles. The risk model compares a
// stage change's `to` with the account's stage, so known CRM stages are stored as DESIGN stages
// (the CRM's own value stays in the signal's text); unknown values pass through unchanged.
import { CONTACT_ROLES, STAGES, type ContactRole } from '../../vocabulary.js';
import { lookup } from '../../lookup.js';

const STAGE_VALUES: Record<string, string> = {
  // HubSpot's default sales pipeline (internal stage ids).
  appointmentscheduled: 'discovery',
  qualifiedtobuy: 'qualified',
  presentationscheduled: 'demo',
  decisionmakerboughtin: 'proposal',
  contractsent: 'negotiation',
  closedwon: 'closed_won',
  closedlost: 'closed_lost',
  // Salesforce's standard opportunity stages, each to the nearest DESIGN stage.
  prospecting: 'lead',
  qualification: 'qualified',
  'needs analysis': 'discovery',
  'id. decision makers': 'discovery',
  'value proposition': 'demo',
  'perception analysis': 'demo',
  'proposal/price quote': 'proposal',
  'negotiation/review': 'negotiation',
  'closed won': 'closed_won',
  'closed lost': 'closed_lost',
};

/** A CRM stage value as a DESIGN stage when known (custom pipelines via `overrides`), else unchanged. */
export function crmStage(value: string, overrides: Record<string, string> = {}): string {
  const key = value.trim().toLowerCase();
  const custom = Object.entries(overrides).find(([k]) => k.trim().toLowerCase() === key)?.[1];
  if (custom) return custom;
  if ((STAGES as readonly string[]).includes(key)) return key;
  return lookup(STAGE_VALUES, key) ?? value.trim();
}

/** CRM stage ids → DESIGN stages: for every portal (`all`) and per HubSpot portal id (`byPortal`). */
export interface StageMapConfig { all: Record<string, string>; byPortal: Record<string, Record<string, string>> }

/**
 * HUBSPOT_STAGE_MAP: a JSON object whose values are DESIGN stages (`{"93451827": "proposal"}`, for
 * every portal) or objects of them keyed by portal id (`{"4411": {"93451827": "proposal"}}`).
 * Throws on anything else, so a typo stops the process at start rather than storing raw ids.
 */
export function parseStageMapConfig(text: string | undefined): StageMapConfig {
  const out: StageMapConfig = { all: {}, byPortal: {} };
  if (!text?.trim()) return out;
  const v: unknown = JSON.parse(text);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('the stage map must be a JSON object');
  const stage = (s: unknown, where: string): string => {
    if (typeof s !== 'string' || !(STAGES as readonly string[]).includes(s)) throw new Error(`${where}: ${JSON.stringify(s)} is not a stage (${STAGES.join(', ')})`);
    return s;
  };
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      out.byPortal[k] = Object.fromEntries(Object.entries(val as Record<string, unknown>).map(([id, s]) => [id, stage(s, `${k}.${id}`)]));
    } else out.all[k] = stage(val, k);
  }
  return out;
}

/** The parse options a stage map configuration sets. */
export function stageOpts(map: StageMapConfig | undefined): { stageMap?: Record<string, string>; portalStageMaps?: Record<string, Record<string, string>> } {
  return map ? { stageMap: map.all, portalStageMaps: map.byPortal } : {};
}

/**
 * Salesforce OpportunityContactRole roles (and the same words in other CRMs) → DESIGN roles.
 *   Economic Buyer, Economic Decision Maker → economic_buyer (signs off on the money)
 *   Decision Maker → decision_maker
 *   Technical Buyer, Technical Evaluator, Evaluator → technical_evaluator
 *   Executive Sponsor → executive_sponsor
 *   Champion → champion
 *   Procurement, Purchasing → procurement; Legal → legal; Security, IT Security → security
 *   Business User, User, End User, Influencer, Other → user: an influencer shapes opinion without
 *     buying power, and we do not promote anyone to champion on a CRM label we cannot verify.
 * Anything else returns undefined (the raw role is kept as text by the caller).
 */
const ROLE_VALUES: Record<string, ContactRole> = {
  'economic buyer': 'economic_buyer',
  'economic decision maker': 'economic_buyer',
  'decision maker': 'decision_maker',
  'technical buyer': 'technical_evaluator',
  'technical evaluator': 'technical_evaluator',
  evaluator: 'technical_evaluator',
  'executive sponsor': 'executive_sponsor',
  champion: 'champion',
  procurement: 'procurement',
  purchasing: 'procurement',
  legal: 'legal',
  security: 'security',
  'it security': 'security',
  'business user': 'user',
  'end user': 'user',
  user: 'user',
  influencer: 'user',
  other: 'user',
};

export function crmRole(value: string): ContactRole | undefined {
  const key = value.trim().toLowerCase().replace(/_/g, ' ');
  return lookup(ROLE_VALUES, key) ?? (CONTACT_ROLES as readonly string[]).find((r) => r === key.replace(/ /g, '_')) as ContactRole | undefined;
}
