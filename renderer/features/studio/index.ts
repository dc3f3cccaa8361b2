/**
 * features/studio: the SOP Studio, where supervisors edit a procedure as a graph. For now its
 * pure core: the editing model (a reducer with undo, lint per node, the publish gate) and the
 * graph layout. Other features import only from here.
 */
export { blankSop, canPublish, createStudio, edit, findingsByNode, freshNodeId, HISTORY_LIMIT, UNCONNECTED } from './model';
export type { EdgeSource, EditResult, NodeKind, StudioAction, StudioState } from './model';
export { LARGE_SOP, layoutSop, NODE_WIDTH, nodeHeight } from './layout';
export type { NodeBox } from './layout';
