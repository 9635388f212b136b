/** Every keyboard shortcut, as the help dialog lists them. `mod` is Ctrl (⌘ on a Mac). */
export const SHORTCUTS: { group: string; items: { keys: string[]; does: string }[] }[] = [
  {
    group: 'Edit',
    items: [
      { keys: ['Delete'], does: 'Delete the selected nodes and edges' },
      { keys: ['Ctrl', 'Z'], does: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo (also Ctrl+Y)' },
      { keys: ['Ctrl', 'C'], does: 'Copy the selected nodes' },
      { keys: ['Ctrl', 'V'], does: 'Paste' },
      { keys: ['Ctrl', 'D'], does: 'Duplicate the selection' },
      { keys: ['Ctrl', 'A'], does: 'Select everything' },
      { keys: ['Esc'], does: 'Clear the selection' },
    ],
  },
  {
    group: 'Canvas',
    items: [
      { keys: ['Shift', 'Click'], does: 'Add to the selection' },
      { keys: ['Shift', 'Drag'], does: 'Select with a box' },
      { keys: ['F'], does: 'Fit the topology into view' },
      { keys: ['Drag'], does: 'Pan; scroll to zoom' },
    ],
  },
  {
    group: 'Run',
    items: [
      { keys: ['Space'], does: 'Play / pause the simulation' },
      { keys: ['P'], does: 'Presenter view on / off (Esc leaves it)' },
    ],
  },
  {
    group: 'Help',
    items: [{ keys: ['?'], does: 'Show this list' }],
  },
];
