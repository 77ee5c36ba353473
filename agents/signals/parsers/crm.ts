// CRM changes: HubSpot webhook events and Salesforce change events, each in its own file.
export { parseHubspot } from './hubspot.js';
export { parseSalesforce } from './salesforce.js';
export { crmRole, crmStage } from './crm-vocabulary.js';
