package org.idva.insights.sample;

import java.util.ArrayList;

/**
 * Intakes of the year before that a year's exits close (built by that year, they belong to the year
 * before), with what the year before must still fit for them.
 */
final class CarriedIntakes extends ArrayList<Rec> {
  private static final long serialVersionUID = 1L;

  /** What these intakes' clients must add to the later year's CYPS-at-intake column, or null. */
  int[] cypsPart;
}
