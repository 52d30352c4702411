// A chart module whose default export is not an AppChart, for import-chart.spec.ts.
export default class NotAChart {}
