// Reads a JSON file of policy cases and prints, one line per case, what
// @cloud-copilot/iam-simulate decides: "<id>\tALLOWED", "<id>\tIMPLICIT_DENY",
// "<id>\tEXPLICIT_DENY", or "<id>\tERROR\t<why>" when the simulator rejects the input.
//
// Input: {"principal": "<role ARN>", "account": "<12 digits>", "cases": [
//   {"id": "...", "identity": [<policy document>...], "boundary": <policy document> | null,
//    "action": "svc:Action", "resource": "*" or an ARN}]}
import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const RESULTS = {
  Allowed: 'ALLOWED',
  ImplicitlyDenied: 'IMPLICIT_DENY',
  ExplicitlyDenied: 'EXPLICIT_DENY'
};

function simulation(input, c) {
  return {
    request: {
      principal: input.principal,
      action: c.action,
      // The resource is in the principal's account: identity policies alone decide.
      resource: { resource: c.resource, accountId: input.account },
      contextVariables: {}
    },
    identityPolicies: c.identity.map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(c.boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: c.boundary }] } : {})
  };
}

async function decide(input, c) {
  const response = await runSimulation(simulation(input, c), {});
  if (response.resultType === 'error') {
    return `ERROR\t${JSON.stringify(response.errors)}`;
  }
  if (response.resultType !== 'single') {
    // A wildcard request asks "on some resource?", not "on all of them?": not comparable.
    return `ERROR\tunexpected ${response.resultType} result`;
  }
  return RESULTS[response.overallResult] ?? `ERROR\tunknown result ${response.overallResult}`;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node simulate.mjs <cases.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(file, 'utf8'));
const lines = [];
for (const c of input.cases) {
  lines.push(`${c.id}\t${await decide(input, c)}`);
}
process.stdout.write(lines.join('\n') + '\n');
