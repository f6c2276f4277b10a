-- The analytics aggregate: figures summed over the area hierarchy for every
-- period, kept up to date by each write of data values (only the units,
-- elements and periods it touched), so that a dashboard reads a few rows
-- instead of every commune's figures. `vetplan analytics rebuild` recomputes
-- it all from data_value; a test checks the two agree row for row.

-- One row: whether the aggregate must be rebuilt before it is read (a change
-- of the hierarchy or of the elements' time aggregation), and a generation
-- counter that each rebuild increments.
create table analytics_state (
  id          boolean primary key default true,
  stale       boolean not null,
  generation  bigint not null default 0,
  rebuilt_at  timestamptz,
  constraint analytics_state_one_row check (id)
);
insert into analytics_state (stale) values (true);

-- Every unit below each area (the area itself, the areas below it and the
-- organisations located in them). A unit counts for a period P when
-- P.start < hi and P.end > lo, where lo is the latest valid_from and hi the
-- earliest valid_to along the path (each link of the path overlaps P). A unit
-- reached by more than one path keeps the other paths in more_lo / more_hi.
create table analytics_area_unit (
  area_code  text not null,
  unit_code  text not null,
  is_area    boolean not null,
  lo         date not null,
  hi         date not null,
  more_lo    date[],
  more_hi    date[],
  constraint analytics_area_unit_pkey primary key (area_code, unit_code)
);
create index analytics_area_unit_unit_idx on analytics_area_unit (unit_code);

-- One unit's figure of one cell for a period and every longer period that
-- contains it: from the longest period type it stored within the period,
-- summed (sum elements) or the latest (last elements).
create table analytics_unit_figure (
  unit_code     text not null,
  period        text not null,
  element_code  text not null,
  disagg        text not null,
  period_start  date not null,
  period_end    date not null,
  value         numeric not null,
  constraint analytics_unit_figure_pkey primary key (unit_code, period, element_code, disagg)
);

-- The sum of the unit figures below an area, and how many units gave one.
create table analytics_area_figure (
  area_code     text not null,
  period        text not null,
  element_code  text not null,
  disagg        text not null,
  value         numeric not null,
  units         integer not null,
  constraint analytics_area_figure_pkey primary key (area_code, period, element_code, disagg)
);

-- How many units below an area reported exactly this set of elements in a
-- period (comma-separated, sorted): the units reporting for an indicator are
-- those whose set meets the indicator's elements.
create table analytics_area_reporting (
  area_code  text not null,
  period     text not null,
  elements   text not null,
  units      integer not null,
  constraint analytics_area_reporting_pkey primary key (area_code, period, elements)
);

-- A change of the hierarchy or of an element's time aggregation (a catalogue
-- load, a direct edit) marks the aggregate stale; the next read rebuilds it.
create function analytics_mark_stale() returns trigger language plpgsql as $$
begin
  update analytics_state set stale = true where not stale;
  return null;
end $$;

create trigger analytics_stale_area after insert or update or delete or truncate on area
  for each statement execute function analytics_mark_stale();
create trigger analytics_stale_area_version after insert or update or delete or truncate on area_version
  for each statement execute function analytics_mark_stale();
create trigger analytics_stale_organisation after insert or update or delete or truncate on organisation
  for each statement execute function analytics_mark_stale();
create trigger analytics_stale_data_element after insert or update or delete or truncate on data_element
  for each statement execute function analytics_mark_stale();
