import { indexSop, reachableFrom, stronglyConnected } from './graph';
import { districtFindings, identityFindings, ticketFindings } from './lint-ticket';
import { languageFindings } from './lint-languages';
import { nodeFacts } from './lint-node';
import { variableFindings } from './lint-variables';
import type { LintFinding, LintOptions } from './lint-types';
import { nodeLabel, successorsOf } from './nodes';
import type { SopDocument, SopNode, SopPack } from './schema';
import type { UnsafeRule } from './security';

export type { LintFinding, LintOptions, LintRule } from './lint-types';

/**
 * Hosts the built-in packs link to. Links open in the system browser through `openExternal`,
 * which only allows https URLs on an allowlist; lint applies the same list so an SOP cannot ship
 * a link the app would refuse to open. Districts add their own hosts through policy.
 */
export const DEFAULT_ALLOWED_LINK_HOSTS: readonly string[] = [
  'www.cfisd.net',
  'jcschools.us',
  'www.jcschools.us',
  'community.infinitecampus.com',
];

const UNSAFE_MESSAGES: Record<UnsafeRule, string> = {
  'security-asks-for-password':
    'tells staff to ask for a password; never ask for it: reset through the school or escalate, and put anything the caller volunteers in a sealed note',
  'security-logs-in-as-caller':
    'tells staff to sign in as the caller or the child; have the account checked or reset through the school or tier 2 instead',
  'security-hides-from-parent':
    'tells staff to hide from the parent what they are doing; say plainly what you are doing and why',
};

/**
 * Everything wrong with one SOP that its schema cannot see: graph problems (missing or
 * unreachable nodes, dead ends, loops with no way out, no reachable outcome), duplicate ids,
 * `{{var}}` that may not be captured, links off the allowlist, and instructions staff must never
 * follow. Returns all findings at once (errors and warnings), in document order.
 */
export function lintSop(doc: SopDocument, options: LintOptions = {}): LintFinding[] {
  const { byId, distanceToOutcome } = indexSop(doc);
  const findings: LintFinding[] = [];
  const report = (finding: Omit<LintFinding, 'sopId'>) => findings.push({ sopId: doc.id, ...finding });

  const seen = new Set<string>();
  for (const node of doc.nodes) {
    if (seen.has(node.id)) {
      report({ severity: 'error', rule: 'duplicate-node-id', nodeId: node.id, message: `node id "${node.id}" is used more than once` });
    }
    seen.add(node.id);
    structureFindings(node, byId).forEach(report);
    linkFindings(node, options.allowedLinkHosts ?? DEFAULT_ALLOWED_LINK_HOSTS).forEach(report);
    for (const { field, instruction } of nodeFacts(node).unsafe) {
      report({
        severity: 'error',
        rule: instruction.rule,
        nodeId: node.id,
        field,
        message: `"${instruction.excerpt}" ${UNSAFE_MESSAGES[instruction.rule]}`,
      });
    }
  }

  languageFindings(doc).forEach(report);

  if (!byId.has(doc.start)) {
    report({ severity: 'error', rule: 'missing-start', field: 'start', message: `start node "${doc.start}" does not exist` });
    return findings;
  }
  const reachable = reachableFrom(byId, doc.start);
  for (const node of byId.values()) {
    if (!reachable.has(node.id)) {
      report({ severity: 'warning', rule: 'unreachable-node', nodeId: node.id, message: `"${nodeLabel(node)}" cannot be reached from the start node` });
    }
  }
  if (!distanceToOutcome.has(doc.start)) {
    report({ severity: 'error', rule: 'no-outcome-reachable', nodeId: doc.start, message: 'no outcome can be reached from the start node' });
  }
  for (const cycle of trappingCycles(byId)) {
    report({
      severity: 'error',
      rule: 'cycle-without-exit',
      nodeId: cycle[0],
      message: `nodes ${cycle.join(' → ')} loop with no way out to an outcome`,
    });
  }
  findings.push(...variableFindings(doc, byId, reachable));
  ticketFindings(doc).forEach(report);
  districtFindings(doc).forEach(report);
  identityFindings(doc, byId, reachable).forEach(report);
  return findings;
}

function structureFindings(node: SopNode, byId: ReadonlyMap<string, SopNode>): Omit<LintFinding, 'sopId'>[] {
  const found: Omit<LintFinding, 'sopId'>[] = [];
  const target = (field: string, next: string) => {
    if (!byId.has(next)) {
      found.push({ severity: 'error', rule: 'dead-end', nodeId: node.id, field, message: `${field} points to missing node "${next}"` });
    }
  };
  if (node.kind === 'step' || node.kind === 'input') target('next', node.next);
  if (node.kind === 'verify-identity') {
    target('next', node.next);
    target('unverified', node.unverified);
  }
  if (node.kind === 'question') {
    if (node.choices.length === 0) {
      found.push({ severity: 'error', rule: 'dead-end', nodeId: node.id, field: 'choices', message: 'question has no choices, so the run cannot go on' });
    }
    const ids = new Set<string>();
    node.choices.forEach((choice, i) => {
      if (ids.has(choice.id)) {
        found.push({ severity: 'error', rule: 'duplicate-choice-id', nodeId: node.id, field: `choices[${i}].id`, message: `choice id "${choice.id}" is used more than once` });
      }
      ids.add(choice.id);
      target(`choices[${i}].next`, choice.next);
    });
  }
  if (node.kind === 'input') {
    const vars = new Set<string>();
    node.fields.forEach((field, i) => {
      if (vars.has(field.var)) {
        found.push({ severity: 'error', rule: 'duplicate-field-var', nodeId: node.id, field: `fields[${i}].var`, message: `variable "${field.var}" is captured twice by this node` });
      }
      vars.add(field.var);
    });
  }
  return found;
}

/** `https://host[:port]/…` → host, lowercased; `undefined` for anything else or with credentials. */
function httpsHost(url: string): string | undefined {
  const match = /^https:\/\/([^/?#\s]+)(?:[/?#]|$)/.exec(url);
  const authority = match?.[1];
  if (authority === undefined || authority.includes('@')) return undefined;
  return authority.replace(/:\d+$/, '').toLowerCase();
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const rule = entry.toLowerCase();
    return rule.startsWith('*.') ? host.endsWith(rule.slice(1)) : host === rule;
  });
}

function linkFindings(node: SopNode, allowed: readonly string[]): Omit<LintFinding, 'sopId'>[] {
  const found: Omit<LintFinding, 'sopId'>[] = [];
  node.links?.forEach((link, i) => {
    const host = httpsHost(link.url);
    const field = `links[${i}].url`;
    if (host === undefined) {
      found.push({ severity: 'error', rule: 'link-not-https', nodeId: node.id, field, message: `${link.url} is not an https:// URL (without credentials)` });
    } else if (!hostAllowed(host, allowed)) {
      found.push({ severity: 'error', rule: 'link-host-not-allowed', nodeId: node.id, field, message: `${host} is not on the allowed link hosts; add it to the district policy or link elsewhere` });
    }
  });
  return found;
}

/**
 * Loops (or self-loops) with no edge to a node outside them: a run that enters never ends. Each
 * is listed in document order. Most components are single nodes without a self-loop, so those
 * are passed over before any set is built, and the order is a sort, not a scan of every id per trap.
 */
function trappingCycles(byId: ReadonlyMap<string, SopNode>): string[][] {
  const traps: string[][] = [];
  let position: Map<string, number> | undefined;
  for (const component of stronglyConnected(byId)) {
    const [first] = component;
    if (first === undefined) continue;
    const edges = component.flatMap((id) => {
      const node = byId.get(id);
      return node ? successorsOf(node).filter((next) => byId.has(next)) : [];
    });
    if (component.length === 1 && !edges.includes(first)) continue;
    const members = new Set(component);
    if (edges.every((next) => members.has(next))) {
      position ??= new Map([...byId.keys()].map((id, i) => [id, i]));
      const at = position;
      traps.push([...component].sort((x, y) => (at.get(x) ?? 0) - (at.get(y) ?? 0)));
    }
  }
  return traps;
}

/**
 * Lints every SOP in a pack and adds pack-level rules (an SOP id used twice). Findings keep
 * their `sopId`, so a report can group them by SOP.
 */
export function lintPack(pack: SopPack, options: LintOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const ids = new Set<string>();
  for (const sop of pack.sops) {
    if (ids.has(sop.id)) {
      findings.push({ severity: 'error', rule: 'duplicate-sop-id', sopId: sop.id, message: `SOP id "${sop.id}" is used more than once in pack ${pack.id}` });
    }
    ids.add(sop.id);
    findings.push(...lintSop(sop, options));
  }
  return findings.map((finding) => ({ packId: pack.id, ...finding }));
}
