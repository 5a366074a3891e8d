import { createContext } from 'react';
import type { ReactFlowState } from '@xyflow/react';

/** Below this zoom, nodes are drawn as plain boxes with their label: details are unreadable there anyway. */
export const overviewZoom = 0.4;

export const selectOverview = (s: ReactFlowState) => s.transform[2] < overviewZoom;

/** Whether the canvas is zoomed out past overviewZoom; one subscription in Canvas, not one per node. */
export const OverviewContext = createContext(false);
