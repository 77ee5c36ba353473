// CRM values → DESIGN.md's vocabulary: deal stages and contact roles. The risk model compares a
// stage change's `to` with the account's stage, so known CRM stages are stored as DESIGN stages
// (the CRM's own value stays in the signal's text); unknown values pass through unchanged.
import { CONTACT_ROLES, STAGES, type ContactRole } from '../../vocabulary.js';

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
  return STAGE_VALUES[key] ?? value.trim();
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
  return ROLE_VALUES[key] ?? (CONTACT_ROLES as readonly string[]).find((r) => r === key.replace(/ /g, '_')) as ContactRole | undefined;
}
