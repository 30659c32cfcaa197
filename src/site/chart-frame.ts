/** What every chart of the site is drawn in: its size, its margins, and the ticks of its value axis. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  ticks: Array<{ value: number; y: number }>;
}
