import { format } from "../common.js";

// Read the server's map (networkx node-link graph plus the analysis) into one plain model
// that the graph, the panels and the table all draw from, so they always agree.

/** Theme colours: Okabe–Ito, colour-blind safe; every node also has a dark outline. */
export const THEME_COLOURS = [
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#4B4B9B",
];
export const OTHER_COLOUR = "#8a8a8a";
export const NO_THEME_COLOUR = "#c4c4c4";

/** Opinion groups are named by letter, as in Polis: A, B, C … */
export function groupLetter(index) {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

function key(id) {
  return id === undefined || id === null ? "" : String(id);
}

/** Perspective-to-perspective edge types, strongest evidence first. */
export const PAIR_TYPES = ["link", "similar", "co_agreement"];

/** Build the view model from a `map` payload (tolerant of missing parts). The theme of
 * leftovers comes labelled in the process's language ("övrigt"); unless the facilitator
 * named it, it is shown as `otherTheme`, in the reader's language. */
export function buildModel(map, otherTheme = "") {
  const data = map || {};
  const graph = data.graph || {};
  const rawNodes = Array.isArray(graph.nodes) ? graph.nodes : [];
  const rawEdges = Array.isArray(graph.edges) ? graph.edges : (graph.links || []);

  const themes = (data.themes || []).map((theme, index) => ({
    ...theme,
    key: key(theme.id),
    label: theme.other && !theme.name && otherTheme ? otherTheme : theme.label,
    colour: theme.other ? OTHER_COLOUR : THEME_COLOURS[index % THEME_COLOURS.length],
  }));
  const themeByKey = new Map(themes.map((t) => [t.key, t]));

  const opinionGroups = (data.opinion_groups || []).map((group, index) => ({
    ...group,
    key: key(group.id),
    letter: groupLetter(index),
    size: Array.isArray(group.members) ? group.members.length : Number(group.size || 0),
  }));
  const opinionByKey = new Map(opinionGroups.map((g) => [g.key, g]));

  const nodes = new Map();
  const perspectives = new Map();
  const stakeholderGroups = [];
  for (const raw of rawNodes) {
    const node = { ...raw, key: key(raw.id) };
    nodes.set(node.key, node);
    if (node.type === "perspective") {
      const pid = key(node.perspective_id ?? node.key.replace(/^p:/, ""));
      const theme = themeByKey.get(key(node.theme));
      perspectives.set(pid, {
        id: pid,
        node: node.key,
        text: node.text || "",
        kind: node.kind || "",
        source: node.source || null,
        group: node.stakeholder_group || "",
        theme: theme || null,
        colour: theme ? theme.colour : NO_THEME_COLOUR,
        agree: Number(node.agrees ?? node.agree ?? 0),
        disagree: Number(node.disagrees ?? node.disagree ?? 0),
        pass: Number(node.passes ?? node.pass ?? 0),
        divisive: Boolean(node.divisive),
        links: [],
        agreedBy: [],
      });
    } else if (node.type === "stakeholder_group") {
      const name = node.name || node.label || node.key.replace(/^s:/, "");
      stakeholderGroups.push({ key: node.key, name, count: Number(node.count || 0) });
    }
  }
  const perspectiveByNode = new Map([...perspectives.values()].map((p) => [p.node, p]));

  const edges = [];
  let pairCount = 0;
  for (const raw of rawEdges) {
    const source = key(raw.source);
    const target = key(raw.target);
    if (!nodes.has(source) || !nodes.has(target)) continue;
    const edge = { ...raw, source, target, key: `${source}|${target}` };
    const from = perspectiveByNode.get(source);
    const to = perspectiveByNode.get(target);
    if (from && to) {
      pairCount += 1;
      // A drawn link keeps its direction: "A builds on B" reads from A.
      if (edge.link_source && key(edge.link_source) === target) {
        edge.source = target;
        edge.target = source;
      }
      const a = perspectiveByNode.get(edge.source);
      const b = perspectiveByNode.get(edge.target);
      const relations = edge.relations || (edge.relation ? [edge.relation] : []);
      const types = edge.types || [edge.type];
      for (const relation of relations) {
        a.links.push({ other: b, label: relation, outgoing: true });
        b.links.push({ other: a, label: relation, outgoing: false });
      }
      for (const type of types) {
        if (type === "link") continue;
        a.links.push({ other: b, label: type, outgoing: true });
        b.links.push({ other: a, label: type, outgoing: false });
      }
    } else if (edge.type === "agreed_by") {
      const group = nodes.get(source)?.type === "opinion_group" ? nodes.get(source) : nodes.get(target);
      const perspective = from || to;
      const opinion = group && opinionByKey.get(key(group.group_id ?? group.key.replace(/^o:/, "")));
      if (perspective && opinion) perspective.agreedBy.push(opinion.letter);
    }
    edges.push(edge);
  }
  for (const p of perspectives.values()) p.agreedBy.sort();

  return {
    nodes,
    edges,
    perspectives,
    themes,
    themeByKey,
    opinionGroups,
    opinionByKey,
    stakeholderGroups,
    pairCount,
    consensus: data.consensus || [],
    groupInformedConsensus: data.group_informed_consensus || [],
    divisive: data.divisive || [],
    uncertain: data.uncertain || [],
    bridging: data.bridging || [],
    coverage: data.coverage || null,
    missing: data.missing_perspectives || [],
    computedAt: data.computed_at || null,
  };
}

/** The perspective an analysis row points at, or a stand-in when the graph lacks it. */
export function perspectiveOf(model, id, text = "") {
  return model.perspectives.get(key(id))
    || { id: key(id), text: text || `#${key(id)}`, colour: NO_THEME_COLOUR, links: [], agreedBy: [] };
}

/** Short text for labels and menus. */
export function shorten(text, length = 60) {
  const clean = String(text || "").replace(/\s+/g, " ").trim();
  return clean.length > length ? `${clean.slice(0, length - 1).trimEnd()}…` : clean;
}

/**
 * The counted phrases of the map's summary ("1 tema", "3 teman" ...), each chosen by the
 * language's plural rules from `strings.counts`.
 */
export function summaryCounts(model, strings) {
  const counted = (name, count) => format(strings.counts?.[name] ?? "{count}", { count });
  return {
    perspectives: counted("perspectives", model.perspectives.size),
    themes: counted("themes", model.themes.filter((t) => !t.other).length),
    groups: model.stakeholderGroups.filter((g) => g.count > 0).length,
    all_groups: model.stakeholderGroups.length,
    opinion_groups: counted("opinion_groups", model.opinionGroups.length),
    links: counted("links", model.pairCount),
  };
}
