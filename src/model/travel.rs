//! Travel times between places, reckoned from coordinates and known routes (docs/format.md,
//! "Where things are").

use std::collections::HashMap;

use super::Repository;
use super::registry::{Coordinates, Resource, ResourceKind};

/// The rescue circle: every place of the district within reach of a capable team in this many
/// minutes. The seed plan sets it: "打造全区境内1小时救援圈" (利州区总体应急预案, 应急保障).
/// A constant until the configuration of issue 11 can set it.
pub const RESCUE_CIRCLE_MINUTES: u32 = 60;

/// Road distance over straight-line distance when the registry does not say.
pub const DEFAULT_ROAD_FACTOR: f64 = 1.5;

/// Average speed of an emergency vehicle, in km/h, when the registry does not say.
pub const DEFAULT_SPEED_KMH: f64 = 40.0;

/// Mean radius of the Earth, in km.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Where something is: its township, and its coordinates when any are known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot<'a> {
    pub township: &'a str,
    pub at: Option<(f64, f64)>,
}

/// The travel model of a repository.
#[derive(Debug)]
pub struct Travel<'a> {
    road_factor: f64,
    speed_kmh: f64,
    /// Known minutes between two townships, both orders.
    routes: HashMap<(&'a str, &'a str), u32>,
    /// Seat coordinates of organisations that have them.
    seats: HashMap<&'a str, (f64, f64)>,
}

/// Usable coordinates: finite and on the globe.
fn coordinates(c: &Coordinates) -> Option<(f64, f64)> {
    let (lat, lon) = (c.lat.value, c.lon.value);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// A factor or speed the registry gives, if it is a usable one.
fn positive(value: Option<f64>, at_least: f64) -> Option<f64> {
    value.filter(|v| v.is_finite() && *v >= at_least)
}

impl<'a> Travel<'a> {
    pub fn new(repo: &'a Repository) -> Self {
        let r = &repo.registry;
        let settings = r.travel.iter().map(|e| &e.value);
        let road_factor = settings
            .clone()
            .find_map(|t| positive(t.road_factor.as_ref().map(|v| v.value), 1.0))
            .unwrap_or(DEFAULT_ROAD_FACTOR);
        let speed_kmh = settings
            .clone()
            .find_map(|t| positive(t.speed_kmh.as_ref().map(|v| v.value), 1.0))
            .unwrap_or(DEFAULT_SPEED_KMH);
        let mut routes = HashMap::new();
        for route in settings.flat_map(|t| &t.routes) {
            let (a, b) = (route.from.as_str(), route.to.as_str());
            routes.entry((a, b)).or_insert(route.minutes.value);
            routes.entry((b, a)).or_insert(route.minutes.value);
        }
        let seats = r
            .organisations
            .iter()
            .filter_map(|e| Some((e.value.id.as_str(), coordinates(e.value.at.as_ref()?)?)))
            .collect();
        Travel {
            road_factor,
            speed_kmh,
            routes,
            seats,
        }
    }

    /// The farthest straight-line distance, in km, that a drive of `minutes` covers.
    pub fn reach_km(&self, minutes: u32) -> f64 {
        f64::from(minutes) / 60.0 * self.speed_kmh / self.road_factor
    }

    /// Whether a known route leads from this township to another.
    pub fn has_routes(&self, township: &str) -> bool {
        self.routes.keys().any(|(from, _)| *from == township)
    }

    /// The coordinates of an organisation's seat.
    pub fn seat(&self, org: &str) -> Option<(f64, f64)> {
        self.seats.get(org).copied()
    }

    /// Where a resource is: its own coordinates, else its village's, else its township's.
    pub fn spot_of(&self, resource: &'a Resource) -> Option<Spot<'a>> {
        let place = resource.place.as_ref()?;
        let at = place
            .at
            .as_ref()
            .and_then(coordinates)
            .or_else(|| place.village.as_ref().and_then(|v| self.seat(v)))
            .or_else(|| self.seat(&place.township));
        Some(Spot {
            township: place.township.as_str(),
            at,
        })
    }

    /// Minutes by road from one spot to another: a known route between their townships, or the
    /// straight-line distance times the road factor at the average speed. `None` when neither
    /// is known.
    pub fn minutes(&self, from: Spot<'_>, to: Spot<'_>) -> Option<u32> {
        if from.township != to.township
            && let Some(&minutes) = self.routes.get(&(from.township, to.township))
        {
            return Some(minutes);
        }
        let (a, b) = (from.at?, to.at?);
        let km = distance_km(a, b) * self.road_factor;
        let minutes = (km / self.speed_kmh * 60.0).ceil();
        // Coordinates on the globe keep this under 30,000 km, so the cast cannot overflow.
        Some(minutes as u32)
    }
}

/// A team, where it is and how long it takes to set off.
#[derive(Clone, Copy, Debug)]
struct Team<'a> {
    resource: &'a Resource,
    spot: Spot<'a>,
    muster: u32,
}

/// The registry's teams by the hazards they can respond to, arranged so that the teams that
/// can reach a place within a time limit are found without timing every team of a province:
/// teams with coordinates sorted by latitude, and apart from them the teams a known route may
/// bring from far away or whose place has no coordinates.
#[derive(Debug)]
pub struct Teams<'a> {
    near: HashMap<&'a str, Vec<Team<'a>>>,
    routed: HashMap<&'a str, Vec<Team<'a>>>,
}

fn latitude(team: &Team<'_>) -> f64 {
    team.spot.at.map_or(0.0, |a| a.0)
}

impl<'a> Teams<'a> {
    /// The teams of the repository, leaving out those `without` names.
    pub fn new(repo: &'a Repository, travel: &Travel<'a>, without: impl Fn(&str) -> bool) -> Self {
        let (mut near, mut routed) = (HashMap::new(), HashMap::new());
        for e in &repo.registry.resources {
            let r = &e.value;
            if r.kind.value != ResourceKind::Team || without(r.id.as_str()) {
                continue;
            }
            let Some(spot) = travel.spot_of(r) else {
                continue;
            };
            let muster = r.muster_minutes.as_ref().map_or(0, |m| m.value);
            let team = Team {
                resource: r,
                spot,
                muster,
            };
            let far = spot.at.is_none() || travel.has_routes(spot.township);
            for hazard in &r.capabilities {
                let into: &mut HashMap<&'a str, Vec<Team<'a>>> =
                    if far { &mut routed } else { &mut near };
                into.entry(hazard.as_str()).or_default().push(team);
            }
        }
        for list in near.values_mut() {
            list.sort_by(|a, b| latitude(a).total_cmp(&latitude(b)));
        }
        Teams { near, routed }
    }

    /// The teams able to respond to `hazard` that arrive at `to` within `limit` minutes (muster
    /// and drive), fastest first (the lower id on a tie).
    pub fn within(
        &self,
        travel: &Travel<'a>,
        hazard: &str,
        to: Spot<'_>,
        limit: u32,
    ) -> Vec<(u32, &'a Resource)> {
        let near: &[Team<'a>] = self.near.get(hazard).map_or(&[], Vec::as_slice);
        let candidates: Box<dyn Iterator<Item = &Team<'a>>> = match to.at {
            // A degree of latitude is 111 km: no team farther than a drive of `limit` covers.
            Some((lat, _)) => {
                let window = travel.reach_km(limit) / 111.0 + 0.01;
                let from = near.partition_point(|t| latitude(t) < lat - window);
                let until = near.partition_point(|t| latitude(t) <= lat + window);
                Box::new(near[from..until].iter())
            }
            None => Box::new(near.iter()),
        };
        let others = self.routed.get(hazard).into_iter().flatten();
        let mut out: Vec<(u32, &'a Resource)> = candidates
            .chain(others)
            .filter_map(|t| Some((arrival(travel, t, to)?, t.resource)))
            .filter(|(minutes, _)| *minutes <= limit)
            .collect();
        out.sort_by(|a, b| (a.0, a.1.id.as_str()).cmp(&(b.0, b.1.id.as_str())));
        out
    }

    /// The fastest team able to respond to `hazard` to arrive at `to`, however long it takes.
    pub fn nearest(
        &self,
        travel: &Travel<'a>,
        hazard: &str,
        to: Spot<'_>,
    ) -> Option<(u32, &'a Resource)> {
        let near = self.near.get(hazard).into_iter().flatten();
        let others = self.routed.get(hazard).into_iter().flatten();
        near.chain(others)
            .filter_map(|t| Some((arrival(travel, t, to)?, t.resource)))
            .min_by(|a, b| (a.0, a.1.id.as_str()).cmp(&(b.0, b.1.id.as_str())))
    }
}

/// A team's muster and drive to a place, when the drive is known.
fn arrival(travel: &Travel<'_>, team: &Team<'_>, to: Spot<'_>) -> Option<u32> {
    Some(travel.minutes(team.spot, to)?.saturating_add(team.muster))
}

/// Great-circle distance between two points in decimal degrees (haversine formula).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().clamp(0.0, 1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_between_two_township_seats() {
        // 南河街道 to 宝轮镇 in the sample: about 15 km in a straight line.
        let km = distance_km((32.418, 105.840), (32.355, 105.700));
        assert!((14.0..16.0).contains(&km), "{km}");
        assert_eq!(distance_km((32.4, 105.8), (32.4, 105.8)), 0.0);
    }
}
