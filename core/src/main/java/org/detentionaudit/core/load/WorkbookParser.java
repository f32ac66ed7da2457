package org.detentionaudit.core.load;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.detentionaudit.core.normalize.NormalizedRecord;
import org.detentionaudit.core.profile.ColumnCountsAccumulator;

/**
 * Reads the data sheets of one {@code .xlsx} workbook inside a Spark task into rows of {@link
 * PlacementSchema#PARSE_OUTPUT}, sheet after sheet in tab order, as one lazy iterator.
 *
 * <p>POI's SAX parser pushes rows; Spark pulls them. A reader thread parses the workbook and hands
 * finished rows to the task through a bounded queue, so memory stays bounded by the queue whatever
 * the sheet size. The thread ends with the sheets, on an error (re-raised in the task as an {@link
 * UnreadableInputException} naming the file), or when the task ends.
 *
 * <p>Rows: every non-blank sheet row after the header is one row, loaded or quarantined (an error
 * cell such as {@code #N/A} is a cell: it reads as null, and a row of error cells is a row); blank rows
 * are not rows but count in {@code source_row}, which is the sheet's row number minus the header's
 * (the 1-based data row as the spreadsheet shows it). {@code source_file} is {@code
 * <workbook>#<sheet name>}. A row with a value to the right of the header's last column is
 * quarantined (nothing is silently dropped). {@code input_order} is the file index × {@link
 * PlacementSchema#INPUT_ORDER_FILE_STRIDE} + the sheet's position among the stacked sheets × {@link
 * WorkbookPlan#INPUT_ORDER_SHEET_STRIDE} + {@code source_row}.
 *
 * <p>The reader thread also counts the rows' columns for the column profile ({@link
 * ColumnCountsAccumulator}), and the task hands the counts over when it reaches the end.
 */
final class WorkbookParser implements Iterator<Row> {
  private static final int QUEUE_ROWS = 2048;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
  private final Thread reader;
  private volatile boolean cancelled;
  private Object next;

  /** The workbook's columns, where a sheet row's cells are counted for the column profile. */
  private final WorkbookColumns columns;
  /** The workbook's column counts (filled by the reader thread), or null to count nothing. */
  private final ColumnCountsAccumulator.Part counts;

  private WorkbookParser(
      WorkbookPlan plan, Configuration configuration, ColumnCountsAccumulator.Part counts) {
    this.columns = WorkbookColumns.of(plan);
    this.counts = counts;
    this.reader = new Thread(() -> readAll(plan, configuration), "xlsx-reader-" + plan.fileIndex());
    reader.setDaemon(true);
  }

  /**
   * Starts reading the workbook; the reader thread stops when the task completes.
   *
   * @param columnCounts where the workbook's column counts go once it was read to its end (every
   *     row but those with a value beyond the header, cells at their workbook column: {@link
   *     WorkbookColumns}), or null to count nothing
   */
  static Iterator<Row> open(
      WorkbookPlan plan, Configuration configuration, ColumnCountsAccumulator columnCounts) {
    ColumnCountsAccumulator.Part counts =
        columnCounts == null ? null : columnCounts.part(countsKey(plan));
    return start(new WorkbookParser(plan, configuration, counts));
  }

  /** Names the workbook by what it reads, the same in every task that reads it. */
  static String countsKey(WorkbookPlan plan) {
    return "xlsx " + plan.unitIndex();
  }

  private static Iterator<Row> start(WorkbookParser parser) {
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          new TaskCompletionListener() {
            @Override
            public void onTaskCompletion(TaskContext context) {
              parser.cancel();
            }
          });
    }
    parser.reader.start();
    return parser;
  }

  private void cancel() {
    cancelled = true;
    reader.interrupt();
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new IllegalStateException("Interrupted while reading a workbook", e);
      }
    }
    if (next instanceof RuntimeException failure) {
      throw failure;
    }
    if (next == END && counts != null) {
      // The reader thread counted every row before it queued END.
      counts.complete();
    }
    return next != END;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = (Row) next;
    next = null;
    return row;
  }

  private void readAll(WorkbookPlan plan, Configuration configuration) {
    try (WorkbookFile workbook =
        WorkbookFile.open(configuration, plan.qualifiedPath(), plan.sourceName())) {
      for (int position = 0; position < plan.sheets().size(); position++) {
        WorkbookPlan.SheetPlan sheet = plan.sheets().get(position);
        SheetRows rows = new SheetRows(plan, sheet, position);
        workbook.readSheet(sheet.sheetIndex(), rows::accept);
      }
      put(END);
    } catch (Cancelled stop) {
      // the task ended first; nobody reads the queue any more
    } catch (UnreadableInputException e) {
      putQuietly(e);
    } catch (Exception | LinkageError e) {
      if (e instanceof Cancelled || cancelled) {
        return;
      }
      putQuietly(
          new UnreadableInputException(
              WorkbookGuard.refusal(plan.sourceName(), e)
                  .orElseGet(
                      () ->
                          "Cannot read file '"
                              + plan.sourceName()
                              + "': "
                              + UnreadableInputException.describe(e)
                              + ". Check that it is a complete .xlsx workbook (open and save it"
                              + " again in Excel)."),
              e));
    }
  }

  private void put(Object item) {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new Cancelled();
        }
      }
    } catch (InterruptedException e) {
      throw new Cancelled();
    }
  }

  private void putQuietly(RuntimeException failure) {
    try {
      put(failure);
    } catch (Cancelled ignored) {
      // the task is over
    }
  }

  /** Turns the rows of one sheet into parse-output rows. */
  private final class SheetRows {
    private final WorkbookPlan plan;
    private final WorkbookPlan.SheetPlan sheet;
    private final String sourceFile;
    private final long orderBase;
    private final int width;
    private final int position;

    SheetRows(WorkbookPlan plan, WorkbookPlan.SheetPlan sheet, int position) {
      this.plan = plan;
      this.position = position;
      this.sheet = sheet;
      this.sourceFile = plan.sourceFile(sheet);
      this.orderBase =
          plan.fileIndex() * PlacementSchema.INPUT_ORDER_FILE_STRIDE
              + position * WorkbookPlan.INPUT_ORDER_SHEET_STRIDE;
      this.width = sheet.header().size();
    }

    void accept(int rowIndex, Object[] cells) {
      if (cancelled) {
        throw new Cancelled();
      }
      if (rowIndex <= sheet.headerRowIndex() || isBlank(cells)) {
        return;
      }
      long sourceRow = rowIndex - sheet.headerRowIndex();
      long inputOrder = orderBase + sourceRow;
      if (cells.length > width && !isBlankFrom(cells, width)) {
        quarantine(
            sourceRow,
            inputOrder,
            cells,
            "value beyond the header's " + width + " columns (in column " + (lastFilled(cells) + 1) + ")");
        return;
      }
      if (counts != null) {
        WorkbookColumns.Placed placed = columns.place(position, cells);
        counts.add(plan.unitIndex(), placed.cells(), placed.errorPositions());
      }
      Object[] record = new Object[width];
      for (int i = 0; i < Math.min(cells.length, width); i++) {
        // An error cell (#N/A, #REF!) holds no value.
        record[i] = cells[i] instanceof SheetRowCollector.CellError ? null : cells[i];
      }
      NormalizedRecord normalized = sheet.normalizer().normalize(record);
      if (normalized instanceof NormalizedRecord.Placement placement) {
        put(ParsedRowFactory.placementAt(sourceFile, sourceRow, inputOrder, plan.unitIndex(), placement));
      } else {
        quarantine(sourceRow, inputOrder, cells, ((NormalizedRecord.Rejected) normalized).reason());
      }
    }

    private void quarantine(long sourceRow, long inputOrder, Object[] cells, String reason) {
      put(
          ParsedRowFactory.quarantinedAt(
              sourceFile, sourceRow, inputOrder, plan.unitIndex(), raw(cells), reason));
    }

    /** The row as {@code header=value} pairs joined by {@code "; "}, as for Parquet rows. */
    private String raw(Object[] cells) {
      StringBuilder raw = new StringBuilder();
      int shown = Math.max(width, lastFilled(cells) + 1);
      for (int i = 0; i < shown; i++) {
        if (raw.length() > 0) {
          raw.append("; ");
        }
        String name = i < width ? sheet.header().get(i) : "column " + (i + 1);
        raw.append(name).append('=').append(i < cells.length ? cells[i] : null);
      }
      return raw.toString();
    }
  }

  private static boolean isBlank(Object[] cells) {
    return isBlankFrom(cells, 0);
  }

  private static boolean isBlankFrom(Object[] cells, int from) {
    for (int i = from; i < cells.length; i++) {
      if (cells[i] != null && !(cells[i] instanceof String text && text.isBlank())) {
        return false;
      }
    }
    return true;
  }

  private static int lastFilled(Object[] cells) {
    for (int i = cells.length - 1; i >= 0; i--) {
      if (cells[i] != null && !(cells[i] instanceof String text && text.isBlank())) {
        return i;
      }
    }
    return -1;
  }

  /** The task ended while the reader thread was still reading. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled", null, false, false);
    }
  }
}
