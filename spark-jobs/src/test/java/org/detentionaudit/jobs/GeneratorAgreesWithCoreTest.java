package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.reference.FacilityEntry;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.model.Facility;
import org.detentionaudit.sample.write.Layout;
import org.junit.jupiter.api.Test;

/**
 * The generator's oracle and the core engine read the same facts: the oracle knows the generator's
 * facility codes, the engine the bundled reference; release windows are the layouts'.
 */
class GeneratorAgreesWithCoreTest {

  @Test
  void everyGeneratedCodeIsInTheBundledReferenceAndItsZzVariantIsNot() {
    FacilityReference bundled = FacilityReference.bundled();
    for (String code : FacilityCatalog.bundled().codes()) {
      assertThat(bundled.contains(code)).as(code).isTrue();
      assertThat(bundled.contains(code.substring(0, code.length() - 2) + "ZZ")).as(code + " ZZ").isFalse();
    }
  }

  @Test
  void everyGeneratedFacilityHasTheBundledReferencesHoldLimitAndItsNamesMatchByName() {
    FacilityReference bundled = FacilityReference.bundled();
    for (Facility facility : FacilityCatalog.bundled().all()) {
      FacilityEntry entry = bundled.find(facility.code()).orElseThrow();
      assertThat(entry.holdLimit().label()).as(facility.code()).isEqualTo(
          facility.overUnder72().isEmpty() ? null : facility.overUnder72());
      // the oracle judges names against the catalog's names, the engine against the reference's
      assertThat(bundled.matchName(facility.name()).codes()).as(facility.name()).contains(FacilityReference.key(entry.code()));
    }
  }

  @Test
  void everyLayoutHasTheCoreLayoutsReleaseWindow() {
    LayoutCatalog core = LayoutCatalog.builtIn();
    for (Layout layout : Layout.values()) {
      assertThat(core.find(layout.id()).orElseThrow().coversFrom()).as(layout.id()).isEqualTo(layout.coversFrom());
    }
  }
}
