// Draw the perspective map with Cytoscape (vendored, a classic script defining `cytoscape`).
//
// Positions come from the server: the analysis lays the map out once (seeded) and stores
// x, y in [0, 1] on every node, so the console, the wall and the publication show the same
// picture. Only a map without stored positions is laid out here; then updates keep every
// node where it was and place new ones beside a neighbour.

import { displayName, format } from "../common.js";
import { NO_THEME_COLOUR, PAIR_TYPES, shorten } from "./mapview-data.js";

const INK = "#1f1f1f";
const PURPLE = "#5b3f8c";
const RUST = "#a3320b";
const FONT = "system-ui, Roboto, Arial, sans-serif";
const REDUCED_MOTION = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

const measureContext = document.createElement("canvas").getContext("2d");
/** Model units the stored [0, 1] positions are spread over before the view is fitted. */
const SPREAD = { x: 1200, y: 800 };
/** Smallest label on the wall in screen pixels: readable from the back of the room. */
const WALL_LABEL_PX = 28;
/** A screen at least this wide is a wall seen from afar; a narrower one (the wall opened on
 * a tablet or a phone) is read up close, and 28 px labels would only cover each other. */
const WALL_MIN_WIDTH = 1280;

/** Size a labelled node to its text, wrapped at `maxWidth` as Cytoscape wraps it. */
function boxFor(font, pad, weight = 400) {
  const maxWidth = 13 * font;
  const measure = (ele) => {
    const text = String(ele.data("label") || "");
    measureContext.font = `${weight} ${font}px ${FONT}`;
    const width = measureContext.measureText(text).width;
    const lines = Math.max(1, Math.ceil(width / maxWidth));
    return { width: Math.min(width, maxWidth) + pad, height: lines * font * 1.3 + pad };
  };
  return { width: (ele) => measure(ele).width, height: (ele) => measure(ele).height };
}

function styles(scale) {
  const font = 13 * scale;
  return [
    { selector: "node", style: {
      "font-family": FONT, "font-size": font,
      color: INK, "text-wrap": "wrap", "text-max-width": 13 * font, "min-zoomed-font-size": 7,
      "text-valign": "center", "text-halign": "center" } },
    { selector: "node[type = 'perspective']", style: {
      shape: "ellipse", width: 18 * scale, height: 18 * scale, "background-color": "data(colour)",
      "border-width": 1.5, "border-color": INK, label: "data(label)", "text-valign": "bottom",
      "text-margin-y": 4, "text-background-color": "#ffffff", "text-background-opacity": 0.85,
      "text-background-padding": 2 } },
    { selector: "node[type = 'perspective'].divisive", style: {
      "border-width": 4, "border-style": "double" } },
    { selector: "node[type = 'theme']", style: {
      shape: "round-rectangle", "background-color": "data(colour)", "background-opacity": 0.14,
      "border-color": "data(colour)", "border-width": 2, label: "data(label)",
      "font-weight": 700, "font-size": font * 1.3, "text-max-width": 13 * font * 1.3,
      ...boxFor(font * 1.3, 16 * scale, 700) } },
    { selector: "node[type = 'stakeholder_group']", style: {
      shape: "round-rectangle", "background-color": "#ffffff", "border-color": "#3d3d3d",
      "border-width": 1.5, label: "data(label)", ...boxFor(font, 12 * scale) } },
    { selector: "node[type = 'stakeholder_group'].missing", style: {
      "border-style": "dashed", "border-color": RUST, "border-width": 2, color: "#6b2308" } },
    { selector: "node[type = 'opinion_group']", style: {
      shape: "round-hexagon", "background-color": PURPLE, color: "#ffffff", label: "data(label)",
      "font-weight": 700, ...boxFor(font, 20 * scale, 700) } },
    { selector: "edge", style: {
      width: 1, "line-color": "#9a9a9a", "curve-style": "straight", opacity: 0.7 } },
    { selector: "edge[type = 'link']", style: {
      width: 2.5 * scale, "line-color": "#262626", "target-arrow-shape": "triangle",
      "target-arrow-color": "#262626", "arrow-scale": 1.1, opacity: 1 } },
    { selector: "edge.contrasts_with", style: {
      "line-style": "dashed", "line-color": RUST, "target-arrow-color": RUST,
      "target-arrow-shape": "tee" } },
    { selector: "edge.same_as", style: { "target-arrow-shape": "none", width: 4 * scale } },
    { selector: "edge[type = 'similar']", style: {
      "line-style": "dotted", "line-color": "#6b6b6b", width: 1.5 * scale } },
    { selector: "edge[type = 'co_agreement']", style: {
      "line-color": "#2f7d4f", width: 1.2 * scale, opacity: 0.6 } },
    { selector: "edge[type = 'voiced_by']", style: {
      "line-color": "#b8b8b8", width: 0.8, opacity: 0.6 } },
    { selector: "edge[type = 'agreed_by']", style: {
      "line-style": "dashed", "line-color": PURPLE, width: 1.2, opacity: 0.55 } },
    { selector: "edge[type = 'in_theme']", style: {
      "line-color": "data(colour)", width: 1, opacity: 0.3 } },
    { selector: "node[type = 'perspective'].hovered", style: {
      label: "data(hover)", "z-index": 10 } },
    { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.25 } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#000000" } },
    { selector: ".is-hidden", style: { display: "none" } },
  ];
}

function pairKey(a, b) {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Turn the model into Cytoscape element definitions. */
function elementsOf(model, strings, { perspectiveLabels }) {
  const defs = [];
  for (const node of model.nodes.values()) {
    const data = { id: node.key, type: node.type };
    const classes = [];
    if (node.type === "perspective") {
      const p = model.perspectives.get(String(node.perspective_id ?? node.key.slice(2)));
      data.colour = p ? p.colour : NO_THEME_COLOUR;
      data.label = perspectiveLabels && p ? shorten(p.text, 42) : "";
      data.hover = p ? shorten(p.text, 60) : "";
      if (p?.divisive) classes.push("divisive");
    } else if (node.type === "theme") {
      const theme = model.themeByKey.get(String(node.theme_id ?? node.key.slice(2)));
      data.colour = theme ? theme.colour : NO_THEME_COLOUR;
      data.label = theme ? theme.label : node.label || "";
    } else if (node.type === "stakeholder_group") {
      const name = node.name || node.key.slice(2);
      const count = Number(node.count || 0);
      data.label = count ? `${displayName(name)} (${count})` : `${displayName(name)} – ${strings.missing}`;
      if (!count) classes.push("missing");
    } else if (node.type === "opinion_group") {
      const group = model.opinionByKey.get(String(node.group_id ?? node.key.slice(2)));
      const letter = group ? group.letter : node.key.slice(2);
      data.label = `${format(strings.group_letter, { letter })} · ${group ? group.size : node.size || 0}`;
    }
    const stored = Number.isFinite(node.x) && Number.isFinite(node.y);
    defs.push({ group: "nodes", data, classes: classes.join(" "),
      position: stored ? { x: node.x * SPREAD.x, y: node.y * SPREAD.y } : undefined });
  }
  for (const edge of model.edges) {
    const data = { id: `e:${pairKey(edge.source, edge.target)}`, source: edge.source,
      target: edge.target, type: edge.type, types: edge.types || [edge.type] };
    const classes = [edge.type, ...(edge.relations || (edge.relation ? [edge.relation] : []))];
    if (edge.type === "in_theme") {
      const themeNode = model.nodes.get(edge.source)?.type === "theme" ? edge.source : edge.target;
      data.colour = model.themeByKey.get(themeNode.slice(2))?.colour || NO_THEME_COLOUR;
    }
    defs.push({ group: "edges", data, classes: classes.join(" ") });
  }
  return defs;
}

/** Create the map in `container`; `onSelect(key|null)` hears clicks and taps on nodes. */
export function createGraph(container, { strings, onSelect, projector = false }) {
  const cy = window.cytoscape({
    container,
    elements: [],
    style: styles(projector ? 1.3 : 1),
    layout: { name: "preset" },
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: projector,
    selectionType: "single",
  });
  const hidden = new Set();
  let signature = "";
  let laidOut = false;
  let storedPositions = false;

  // On the wall, labels never shrink below WALL_LABEL_PX on screen, whatever the zoom (on a
  // screen narrower than a wall, in proportion to its width).
  function wallLabels() {
    if (!projector) return;
    const near = Math.min(1, window.innerWidth / WALL_MIN_WIDTH);
    const size = Math.max(13 * 1.3, (WALL_LABEL_PX * near) / Math.max(cy.zoom(), 0.01));
    cy.style().selector("node").style("font-size", size)
      .selector("node[type = 'theme']").style("font-size", size * 1.15).update();
    window.requestAnimationFrame(reportLabelSize);
  }

  // The renderer's own figure, in screen pixels (zoom applied): the smallest label drawn on
  // the canvas, kept on the container for whoever checks the wall (the browser tests). Read
  // after the frame: inside an update (a batch) the new styles are not applied yet.
  function reportLabelSize() {
    try {
      const drawn = cy.nodes().not(".is-hidden").filter((n) => Boolean(n.data("label")))
        .map((n) => parseFloat(n.renderedStyle("font-size")))
        .filter((px) => Number.isFinite(px));
      container.dataset.labelPx = drawn.length ? String(Math.min(...drawn)) : "";
    } catch {
      delete container.dataset.labelPx; // unknown rather than wrong
    }
  }
  if (projector) cy.on("zoom resize", wallLabels);

  function applyVisibility() {
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass("is-hidden", hidden.has(n.data("type"))));
      cy.edges().forEach((e) => {
        const types = e.data("types") || [e.data("type")];
        const pair = types.some((t) => PAIR_TYPES.includes(t));
        e.toggleClass("is-hidden", pair && types.every((t) => hidden.has(t)));
      });
    });
  }

  function layout({ first }) {
    const visible = cy.elements().not(".is-hidden");
    if (!visible.nodes().length) return;
    if (storedPositions) {
      if (first || projector) cy.fit(visible, 24);
      wallLabels();
      laidOut = true;
      return;
    }
    visible.layout({
      name: "cose",
      randomize: first,
      animate: first || REDUCED_MOTION ? false : "end",
      animationDuration: 500,
      fit: first || projector,
      padding: 24,
      boundingBox: first ? { x1: 0, y1: 0, w: cy.width(), h: cy.height() } : undefined,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: (edge) => ({ in_theme: 30, voiced_by: 90, agreed_by: 90 }[edge.data("type")] || 50),
      edgeElasticity: (edge) => ({ link: 60, similar: 90 }[edge.data("type")] || 140),
      nodeRepulsion: () => (projector ? 7000 : 4500),
      nodeOverlap: 8,
      gravity: 1.2,
      numIter: 1500,
      componentSpacing: 80,
    }).run();
    laidOut = true;
  }

  function update(model) {
    const defs = elementsOf(model, strings, {
      perspectiveLabels: model.perspectives.size <= (projector ? 10 : 12),
    });
    const wanted = new Set(defs.map((d) => d.data.id));
    const added = [];
    const nodeDefs = defs.filter((d) => d.group === "nodes");
    storedPositions = nodeDefs.length > 0 && nodeDefs.every((d) => d.position);
    cy.batch(() => {
      cy.elements().forEach((element) => {
        if (!wanted.has(element.id())) element.remove();
      });
      for (const def of defs) {
        const existing = cy.getElementById(def.data.id);
        if (existing.nonempty()) {
          existing.data(def.data);
          existing.classes(def.classes);
          if (def.position) existing.position(def.position);
        } else {
          added.push(def);
        }
      }
      const placed = cy.add(added.filter((d) => d.group === "nodes"));
      cy.add(added.filter((d) => d.group === "edges"));
      // New nodes start beside a neighbour that is already placed.
      const extent = cy.extent();
      (storedPositions ? placed.filter(() => false) : placed).forEach((node, index) => {
        const anchor = node.neighborhood("node").filter((n) => !placed.has(n)).first();
        const base = anchor.nonempty() ? anchor.position()
          : { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
        const angle = index * 2.4;
        node.position({ x: base.x + 40 * Math.cos(angle), y: base.y + 40 * Math.sin(angle) });
      });
    });
    applyVisibility();
    const next = [...wanted].sort().join(",");
    if (next !== signature || storedPositions) {
      layout({ first: !laidOut });
      signature = next;
    }
  }

  cy.on("tap", "node", (event) => {
    const node = event.target;
    cy.elements().removeClass("faded");
    cy.elements().not(node.closedNeighborhood()).addClass("faded");
    onSelect?.(node.id());
  });
  cy.on("mouseover", "node", (event) => event.target.addClass("hovered"));
  cy.on("mouseout", "node", (event) => event.target.removeClass("hovered"));
  cy.on("tap", (event) => {
    if (event.target !== cy) return;
    cy.elements().removeClass("faded");
    onSelect?.(null);
  });

  return {
    cy,
    update,
    fit: () => cy.fit(cy.elements().not(".is-hidden"), 24),
    setHidden(type, isHidden) {
      if (isHidden) hidden.add(type);
      else hidden.delete(type);
      applyVisibility();
      layout({ first: false });
    },
    resize: () => cy.resize(),
  };
}
