"""Draw the bundled line-art illustrations into images/ and the demo clinic's logo.

A figure is a pose: the direction of each body segment in degrees. Angles follow SVG's axes, so 0
points right and 90 points down (angles grow clockwise on screen). The pose becomes joint
positions, and the figure is drawn as flat filled shapes around them: a smooth outline for the
trunk and rounded, tapering segments for the neck and limbs. Each picture is then a pose and a few
props. The moving parts use the accent colour, which the builder swaps for the clinic's own.

This is a developer tool: run `python scripts/draw_illustrations.py` after changing a drawing and
commit the SVG files it writes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "images"
LOGO = ROOT / "demo-clinic" / "logo.svg"

INK = "#1F2933"  # figure and props
PALE = "#9AA5B1"  # far-side limbs, floor and mattress
ACCENT = "#C2571A"  # the moving part and motion arrows; recoloured by the builder
WHITE = "#FFFFFF"
TEAL = "#125B6B"  # the demo clinic's brand colour

LINE = 3.5  # arrows, pillows and other outlines
GROUND_LINE = 3.0
GUIDE_LINE = 2.0
STICK = 7.0
HALO = 2.5  # white gap on each side of a shape that crosses something dark
FACE_LINE = 2.2  # closed eyes and nose on a sleeping face


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def __add__(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other: Point) -> Point:
        return Point(self.x - other.x, self.y - other.y)

    def __mul__(self, factor: float) -> Point:
        return Point(self.x * factor, self.y * factor)

    def __abs__(self) -> float:
        return math.hypot(self.x, self.y)

    def step(self, angle: float, length: float) -> Point:
        """The point `length` away in the direction `angle` (degrees)."""
        return self + polar(angle, length)

    def __str__(self) -> str:
        return f"{num(self.x)},{num(self.y)}"


def polar(angle: float, length: float = 1.0) -> Point:
    radians = math.radians(angle)
    return Point(length * math.cos(radians), length * math.sin(radians))


def direction(start: Point, end: Point) -> float:
    """The angle (degrees) of the line from `start` to `end`."""
    return math.degrees(math.atan2(end.y - start.y, end.x - start.x))


def clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def num(value: float) -> str:
    """A coordinate with at most one decimal and no trailing '.0'."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


# --- The figure -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    """An adult 171 units tall: the head is 1/7.5 of the height and the legs about half of it.

    Lengths run from joint to joint. The `*_r` fields are half the thickness of a limb at a joint;
    the segments between joints taper from one to the next.
    """

    head: float = 11.8  # radius
    neck: float = 20.5  # shoulder joint to the centre of the head
    torso: float = 50.0  # hip joint to shoulder joint
    upper_arm: float = 32.0
    forearm: float = 33.0  # elbow to the middle of the fist
    thigh: float = 40.0
    shin: float = 41.0
    ankle: float = 7.5  # height of the ankle joint above the sole
    foot: float = 19.0  # ankle to the tip of the toes
    heel: float = 4.5  # ankle to the back of the heel
    shoulders: float = 32.0  # between the shoulder joints
    hips: float = 20.0  # between the hip joints
    chest: float = 26.0  # depth of the chest, front to back
    neck_r: float = 5.4
    shoulder_r: float = 5.3
    elbow_r: float = 4.1
    wrist_r: float = 3.1
    fist_r: float = 3.8
    hip_r: float = 9.8
    knee_r: float = 6.2
    ankle_r: float = 3.8

    def scaled(self, factor: float) -> Body:
        return Body(*(getattr(self, field.name) * factor for field in fields(self)))


BODY = Body()
# A figure seen from the side is drawn as if seen a little from the front and from above, so its
# far side shows slightly forward of and above the near side. FAR is the on-screen shift of a
# point one unit further from the viewer.
FAR = polar(-18, 0.35)

# The trunk in profile as (height above the hip joint, distance in front of it), in torso lengths
# and chest depths, from the front of the neck down the chest and belly and up the back: a chest
# deeper than the waist, and the gentle S of the spine.
PROFILE_TRUNK = (
    (1.12, 0.06),
    (1.04, 0.28),
    (0.76, 0.42),
    (0.54, 0.38),
    (0.34, 0.36),
    (0.12, 0.41),
    (-0.1, 0.34),
    (-0.22, 0.08),
    (-0.22, -0.32),
    (-0.04, -0.5),
    (0.2, -0.47),
    (0.4, -0.45),
    (0.64, -0.55),
    (0.88, -0.58),
    (1.06, -0.46),
    (1.14, -0.22),
)


@dataclass(frozen=True)
class Arm:
    upper: float  # direction of the upper arm
    fore: float  # direction of the forearm
    out: float = 0.0  # in a side view: how far the hand reaches out sideways beyond the shoulder

    @classmethod
    def straight(cls, angle: float, out: float = 0.0) -> Arm:
        return cls(angle, angle, out)


@dataclass(frozen=True)
class Leg:
    thigh: float
    shin: float
    foot: float  # direction from the ankle to the toes


@dataclass(frozen=True)
class Pose:
    """Where a figure is and how its segments point."""

    hip: Point  # the hip joint (the middle of the hips when seen from the front)
    torso: float  # direction from the hips to the shoulders
    neck: float  # direction from the shoulders to the centre of the head
    face: float | None  # direction the nose points; None when the face looks at the viewer
    chest: float | None  # direction the chest faces; None when it faces the viewer
    near_arm: Arm | None  # None when it is hidden, as under a pillow
    near_leg: Leg
    far_arm: Arm | None = None  # None when it is hidden behind the near one
    far_leg: Leg | None = None
    sag: float = 0.0  # how far the middle of the trunk sinks downwards
    body: Body = BODY


@dataclass(frozen=True)
class Skeleton:
    """Joint positions. A limb is a chain of joints: shoulder-elbow-wrist-fist, hip-knee-ankle."""

    hip: Point
    neck: Point  # where the neck rises, between the shoulders
    head: Point
    near_arm: tuple[Point, ...] | None
    near_leg: tuple[Point, ...]
    far_arm: tuple[Point, ...] | None
    far_leg: tuple[Point, ...] | None


def arm_joints(shoulder: Point, arm: Arm, body: Body, outwards: Point) -> tuple[Point, ...]:
    """A reach sideways by `arm.out` moves the hand by `outwards` per unit, and the arm's length
    in the picture shrinks to make up for it.
    """
    reach = body.upper_arm + body.forearm
    shown = math.sqrt(reach**2 - arm.out**2) / reach
    elbow = shoulder.step(arm.upper, body.upper_arm * shown) + outwards * (arm.out * body.upper_arm / reach)
    fist = elbow.step(arm.fore, body.forearm * shown) + outwards * (arm.out * body.forearm / reach)
    wrist = fist + (elbow - fist) * (body.fist_r * 1.5 / abs(elbow - fist))
    return shoulder, elbow, wrist, fist


def leg_joints(hip: Point, leg: Leg, body: Body) -> tuple[Point, ...]:
    knee = hip.step(leg.thigh, body.thigh)
    return hip, knee, knee.step(leg.shin, body.shin)


def skeleton(pose: Pose) -> Skeleton:
    """Seen from the side, the near limbs hang from the hip and shoulder joints and the far ones
    are shifted by FAR; seen from the front, the two sides sit either side of the middle.
    """
    body = pose.body
    shoulder = pose.hip.step(pose.torso, body.torso)
    if pose.chest is None:
        across = polar(pose.torso - 90)  # from the near side to the far side
        near_shoulder = shoulder - across * (body.shoulders / 2)
        near_hip = pose.hip - across * (body.hips / 2)
        outwards = Point(0, 0)  # a reach towards the viewer does not show
    else:
        across, outwards = FAR, FAR * -1
        near_shoulder, near_hip = shoulder, pose.hip
    far_shoulder, far_hip = near_shoulder + across * body.shoulders, near_hip + across * body.hips
    neck = (near_shoulder + far_shoulder) * 0.5
    if pose.chest is not None:  # the neck rises from the back half of the trunk
        neck = neck.step(pose.chest + 180, body.chest * 0.2)
    return Skeleton(
        hip=pose.hip,
        neck=neck,
        head=neck.step(pose.neck, body.neck),
        near_arm=None if pose.near_arm is None else arm_joints(near_shoulder, pose.near_arm, body, outwards),
        near_leg=leg_joints(near_hip, pose.near_leg, body),
        far_arm=(
            None if pose.far_arm is None else arm_joints(far_shoulder, pose.far_arm, body, outwards * -1)
        ),
        far_leg=None if pose.far_leg is None else leg_joints(far_hip, pose.far_leg, body),
    )


# --- SVG primitives ---------------------------------------------------------------------------


def style(stroke: str, width: float, fill: str = "none") -> str:
    return (
        f'fill="{fill}" stroke="{stroke}" stroke-width="{num(width)}" '
        'stroke-linecap="round" stroke-linejoin="round"'
    )


def points(chain: Iterable[Point]) -> str:
    return " ".join(str(point) for point in chain)


def polyline(chain: Iterable[Point], colour: str, width: float) -> str:
    return f'<polyline points="{points(chain)}" {style(colour, width)}/>'


def line(start: Point, end: Point, colour: str, width: float) -> str:
    return polyline((start, end), colour, width)


def polygon(corners: Iterable[Point], fill: str) -> str:
    return f'<polygon points="{points(corners)}" fill="{fill}"/>'


def path(commands: str, stroke: str, width: float, fill: str = "none") -> str:
    return f'<path d="{commands}" {style(stroke, width, fill)}/>'


def shape(commands: str, fill: str) -> str:
    """A filled outline with no stroke."""
    return f'<path d="{commands}" fill="{fill}"/>'


def halo(commands: str) -> str:
    """A white copy of a shape, HALO wider all round, to part it from what lies behind it."""
    return path(commands, WHITE, 2 * HALO, WHITE)


def circle(centre: Point, radius: float, fill: str) -> str:
    return f'<circle cx="{num(centre.x)}" cy="{num(centre.y)}" r="{num(radius)}" fill="{fill}"/>'


def rounded_rect(corner: Point, size: Point, radius: float, stroke: str, width: float) -> str:
    """A rectangle with rounded corners, filled white."""
    return (
        f'<rect x="{num(corner.x)}" y="{num(corner.y)}" width="{num(size.x)}" '
        f'height="{num(size.y)}" rx="{num(radius)}" {style(stroke, width, WHITE)}/>'
    )


def svg(width: int, height: int, elements: Iterable[str]) -> str:
    content = "".join(f"  {element}\n" for element in elements)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">\n{content}</svg>\n'
    )


def capsule(start: Point, start_r: float, end: Point, end_r: float) -> str:
    """Path commands for a rounded segment tapering from `start_r` to `end_r`: two circles joined
    by their outer tangents.
    """
    heading = direction(start, end)
    # The tangents touch each circle this far round from the heading.
    spread = math.degrees(math.acos((start_r - end_r) / abs(end - start)))
    start_left, end_left = start.step(heading - spread, start_r), end.step(heading - spread, end_r)
    end_right, start_right = end.step(heading + spread, end_r), start.step(heading + spread, start_r)
    return (
        f"M{start_left} L{end_left} A{num(end_r)},{num(end_r)} 0 {int(spread > 90)} 1 {end_right} "
        f"L{start_right} A{num(start_r)},{num(start_r)} 0 {int(spread < 90)} 1 {start_left} Z"
    )


def smooth_outline(ring: Sequence[Point]) -> str:
    """Path commands for a closed smooth curve through the points (Catmull-Rom as Béziers)."""
    commands = [f"M{ring[0]}"]
    for index, start in enumerate(ring):
        before, end = ring[index - 1], ring[(index + 1) % len(ring)]
        after = ring[(index + 2) % len(ring)]
        commands.append(f"C{start + (end - before) * (1 / 6)} {end - (after - start) * (1 / 6)} {end}")
    return " ".join(commands) + " Z"


# --- Drawing a figure -------------------------------------------------------------------------


def segments(chain: Sequence[Point], radii: Sequence[float]) -> list[str]:
    """Path commands for the tapering segments of a limb, one joint to the next."""
    joints = pairwise(zip(chain, radii, strict=True))
    return [capsule(start, start_r, end, end_r) for (start, start_r), (end, end_r) in joints]


def filled(outlines: Sequence[str], colour: str, parted: bool = False) -> list[str]:
    """The outlines filled in `colour`; `parted` puts a white edge round them first."""
    edges = [halo(outline) for outline in outlines] if parted else []
    return [*edges, *(shape(outline, colour) for outline in outlines)]


def arm(chain: Sequence[Point], body: Body) -> list[str]:
    return segments(chain, (body.shoulder_r, body.elbow_r, body.wrist_r, body.fist_r))


def leg(chain: Sequence[Point], foot: float, body: Body, short_foot: bool = False) -> list[str]:
    """A leg, its foot pointing in the direction `foot` with the sole on the side away from the
    knee. Seen from the front (`short_foot`) the foot is foreshortened.
    """
    knee, ankle = chain[1], chain[2]
    sole = foot + 90 if math.cos(math.radians(direction(knee, ankle) - foot - 90)) > 0 else foot - 90
    length = body.foot * (0.5 if short_foot else 1.0)
    toe_r, heel_r = body.ankle_r * 0.6, body.ankle_r
    heel = ankle.step(foot + 180, body.heel - heel_r).step(sole, body.ankle - heel_r)
    toes = ankle.step(foot, length - toe_r).step(sole, body.ankle - toe_r)
    return [
        *segments(chain, (body.hip_r, body.knee_r, body.ankle_r)),
        capsule(heel, heel_r, toes, toe_r),
    ]


def trunk(pose: Pose, joints: Skeleton) -> str:
    """The trunk: a profile with chest, waist and buttocks, or seen from the front, shoulders
    tapering to the waist and widening again at the hips.
    """
    body = pose.body
    if pose.chest is not None:
        outline = [
            joints.hip.step(pose.torso, height * body.torso)
            .step(pose.chest, depth * body.chest)
            .step(90, pose.sag * math.sin(math.pi * clamp(height)))
            for height, depth in PROFILE_TRUNK
        ]
        return smooth_outline(outline)
    shoulder = body.shoulders / 2 + body.shoulder_r  # outer half-widths
    hip = body.hips / 2 + body.hip_r
    length = body.torso
    unit = length / BODY.torso  # so that a scaled body keeps the same shape
    half = (  # (height above the hip joint, distance from the middle) down one side
        (length + 5 * unit, body.neck_r + 1 * unit),
        (length + 2 * unit, shoulder - 8 * unit),
        (length - 2 * unit, shoulder),
        (length - 12 * unit, shoulder - 2.5 * unit),
        (length * 0.48, hip - 4.5 * unit),
        (length * 0.12, hip),
        (-length * 0.12, hip - 1.5 * unit),
    )
    ring = [*half, (-length * 0.26, 0), *((height, -width) for height, width in reversed(half))]
    across = pose.torso + 90
    return smooth_outline([joints.hip.step(pose.torso, height).step(across, width) for height, width in ring])


def head(centre: Point, radius: float, nose: float | None, up: float) -> list[str]:
    """A head `radius` round, about as deep as it is high. From the front it narrows to the chin;
    from the side it has a jaw and a small nose.
    """
    down = up + 180
    if nose is None:
        return [shape(capsule(centre, radius * 0.96, centre.step(down, radius * 0.3), radius * 0.7), INK)]
    turn = math.copysign(1, (down - nose + 180) % 360 - 180)  # +1 if the chin is clockwise of the nose
    chin = centre.step(down, radius * 0.6).step(nose, radius * 0.6)
    bridge, tip = centre.step(nose - 6 * turn, radius - 1), centre.step(nose + 14 * turn, radius + 3)
    return [
        circle(centre, radius, INK),
        shape(capsule(centre, radius * 0.6, chin, radius * 0.32), INK),
        polygon((bridge, tip, centre.step(nose + 34 * turn, radius - 1)), INK),
    ]


def figure(
    pose: Pose,
    accent_arms: bool = False,
    held: Sequence[str] = (),
    held_behind: bool = False,
    between_legs: Sequence[str] = (),
) -> list[str]:
    """The figure in `pose`, drawn back to front; with `accent_arms` the arms are the moving part.

    `held` is what the hands hold. It comes after the far arm, in front of the trunk or, with
    `held_behind`, behind it, and always under the near arm. `between_legs` goes over the far leg
    and under the near one.
    """
    joints, body = skeleton(pose), pose.body
    side_view = pose.chest is not None
    arm_colour = ACCENT if accent_arms else INK
    elements: list[str] = []
    if joints.far_leg and pose.far_leg:
        far_leg = leg(joints.far_leg, pose.far_leg.foot, body, short_foot=not side_view)
        elements += filled(far_leg, PALE if side_view else INK)
    elements += between_legs
    arms_in_front = [joints.near_arm]
    if not side_view:  # seen from the front, neither arm is behind the trunk
        arms_in_front.append(joints.far_arm)
    elif joints.far_arm:  # behind the trunk, with a slimmer top that stays hidden behind the shoulders
        elements += filled(arm(joints.far_arm, replace(body, shoulder_r=body.elbow_r)), PALE)
    if held_behind:
        elements += held
    elements += filled(
        [
            trunk(pose, joints),
            capsule(joints.neck, body.neck_r, joints.head, body.neck_r),
            *leg(joints.near_leg, pose.near_leg.foot, body, short_foot=not side_view),
        ],
        INK,
    )
    elements += head(joints.head, body.head, pose.face, pose.neck)
    if not held_behind:
        elements += held
    # A white edge parts an arm from the trunk it crosses. Accent arms hanging beside a trunk seen
    # from the front are set apart by their colour, and an edge would only nick the shoulders.
    for chain in arms_in_front:
        if chain:
            elements += filled(arm(chain, body), arm_colour, parted=not accent_arms or side_view)
    return elements


# --- Props ------------------------------------------------------------------------------------


def arrowhead(tip: Point, heading: float) -> str:
    """A solid arrowhead, so the arrow reads in black and white too."""
    return polygon((tip, tip.step(heading + 152, 15), tip.step(heading - 152, 15)), ACCENT)


def arc_arrow(centre: Point, radius: float, start: float, end: float) -> list[str]:
    """A motion arrow along a circle from angle `start` to angle `end`, its head at `end`."""
    turn = 1 if end > start else -1
    stop = end - turn * math.degrees(10 / radius)  # the line stops inside the arrowhead
    begin, finish = centre.step(start, radius), centre.step(stop, radius)
    large = 1 if abs(stop - start) > 180 else 0
    sweep = 1 if turn > 0 else 0
    commands = f"M{begin} A{num(radius)},{num(radius)} 0 {large} {sweep} {finish}"
    tip = centre.step(end, radius)
    # The head points along the chord of its last stretch of arc, so it sits on the curve.
    return [path(commands, ACCENT, LINE), arrowhead(tip, direction(centre.step(end - turn * 7, radius), tip))]


def double_arrow(start: Point, end: Point) -> list[str]:
    """A straight motion arrow with a head at each end."""
    heading = direction(start, end)
    inset = polar(heading, 10)  # the line stops inside the arrowheads
    return [
        line(start + inset, end - inset, ACCENT, LINE),
        arrowhead(start, heading + 180),
        arrowhead(end, heading),
    ]


def stick(start: Point, end: Point) -> list[str]:
    """The stick, in the accent colour, parted by a white edge from whatever lies behind it."""
    return [line(start, end, WHITE, STICK + 2 * HALO), line(start, end, ACCENT, STICK)]


def pillow(centre: Point, width: float, height: float) -> str:
    """A pillow or cushion: a plump rounded box."""
    corner = centre - Point(width / 2, height / 2)
    return rounded_rect(corner, Point(width, height), height * 0.45, INK, LINE)


# --- Exercise frames: shoulder dislocates with a stick -----------------------------------------

EXERCISE_WIDTH, EXERCISE_HEIGHT = 176, 232
FLOOR = EXERCISE_HEIGHT - 7.0
STANDING_HIP = Point(86, FLOOR - BODY.ankle - BODY.shin - BODY.thigh)
GRIP_OUT = 14.0  # a wide grip: each hand this far out beyond its shoulder
OVERHANG = 30.0  # the stick reaches this far beyond each hand
ARM_REACH = BODY.upper_arm + BODY.forearm
ARROW_RADIUS = math.sqrt(ARM_REACH**2 - GRIP_OUT**2) + 14  # just outside the stick's path


def floor(width: float) -> str:
    return line(Point(8, FLOOR), Point(width - 8, FLOOR), PALE, GROUND_LINE)


def dislocates_frame(arms: float, arrow_from: float, arrow_to: float, behind: bool = False) -> str:
    """Standing tall, facing right, both arms straight in the direction `arms` and holding the
    stick (`behind` the body or in front of it); the arrow shows where the stick goes next.
    """
    pose = Pose(
        hip=STANDING_HIP,
        torso=-90,
        neck=-84,
        face=0,
        chest=0,
        near_arm=Arm.straight(arms, GRIP_OUT),
        far_arm=None if behind else Arm.straight(arms, GRIP_OUT),  # behind, the trunk hides it
        near_leg=Leg(90, 90, 0),  # the far leg is hidden behind it
    )
    joints = skeleton(pose)
    assert joints.near_arm is not None
    # Seen from the side the stick runs away from the viewer, foreshortened like the body's width.
    # Its near end comes out of the near hand towards the viewer, so that stretch goes over the
    # hand, and on a little further to cover the end of its white edge.
    hand = joints.near_arm[-1]
    near_end = hand - FAR * OVERHANG
    far_end = hand + FAR * (BODY.shoulders + 2 * GRIP_OUT + OVERHANG)
    past_hand = hand + polar(direction(near_end, hand), STICK / 2 + HALO + 1)
    centre = joints.near_arm[0] + FAR * (BODY.shoulders / 2)  # the middle of the shoulders
    return svg(
        EXERCISE_WIDTH,
        EXERCISE_HEIGHT,
        [
            floor(EXERCISE_WIDTH),
            *arc_arrow(centre, ARROW_RADIUS, arrow_from, arrow_to),
            *figure(pose, accent_arms=True, held=stick(near_end, far_end), held_behind=behind),
            line(near_end, hand, WHITE, STICK + 2 * HALO),
            line(near_end, past_hand, ACCENT, STICK),
        ],
    )


def dislocates_grip() -> str:
    """From the front, arms straight down to a wide grip on the stick in front of the thighs, and
    an arrow above showing the width between the hands.
    """
    grip = 48.0  # half the distance between the hands
    angle = math.degrees(math.acos((grip - BODY.shoulders / 2) / ARM_REACH))
    pose = Pose(
        hip=Point(EXERCISE_WIDTH / 2, STANDING_HIP.y),
        torso=-90,
        neck=-90,
        face=None,
        chest=None,
        near_arm=Arm.straight(angle),
        far_arm=Arm.straight(180 - angle),
        near_leg=Leg(87, 89, 20),
        far_leg=Leg(93, 91, 160),
    )
    joints = skeleton(pose)
    assert joints.near_arm is not None and joints.far_arm is not None
    right, left = joints.near_arm[-1], joints.far_arm[-1]
    arrow_height = FLOOR - 190
    guides = [
        line(hand - Point(0, 10), Point(hand.x, arrow_height + 6), PALE, GUIDE_LINE) for hand in (left, right)
    ]
    return svg(
        EXERCISE_WIDTH,
        EXERCISE_HEIGHT,
        [
            floor(EXERCISE_WIDTH),
            *guides,
            *double_arrow(Point(left.x, arrow_height), Point(right.x, arrow_height)),
            *figure(pose, accent_arms=True, held=stick(left - Point(20, 0), right + Point(20, 0))),
        ],
    )


# --- Exercise frames: sitting tall (chin tuck, shoulder blade squeeze, neck movement) ----------

SEATED = BODY.scaled(1.4)  # larger than standing, so the head and shoulders read clearly
SEATED_HIP = Point(76, FLOOR - SEATED.ankle - SEATED.shin)  # the thighs level, the shins upright
SEAT_TOP = SEATED_HIP.y + SEATED.hip_r + 1  # the thighs and buttocks rest on the seat
SEAT_LINE = 6.0


def stool(left: float, right: float, top: float = SEAT_TOP) -> list[str]:
    """A plain stool, in the pale colour of the floor: a seat and two legs."""
    seat = line(Point(left, top + SEAT_LINE / 2), Point(right, top + SEAT_LINE / 2), PALE, SEAT_LINE)
    legs = [
        line(Point(x, top + SEAT_LINE), Point(x + lean, FLOOR), PALE, GROUND_LINE)
        for x, lean in ((left + 6, -4), (right - 6, 4))
    ]
    return [*legs, seat]


def straight_arrow(start: Point, end: Point) -> list[str]:
    """A straight motion arrow with its head at `end`."""
    heading = direction(start, end)
    return [line(start, end - polar(heading, 10), ACCENT, LINE), arrowhead(end, heading)]


def accent_head(pose: Pose) -> list[str]:
    """The neck and head drawn again over the figure in the accent colour: the moving part."""
    joints, body = skeleton(pose), pose.body
    neck = shape(capsule(joints.neck, body.neck_r, joints.head, body.neck_r), ACCENT)
    return [
        neck,
        *(element.replace(INK, ACCENT) for element in head(joints.head, body.head, pose.face, pose.neck)),
    ]


def seated_side_pose(neck: float = -86, face: float = 0, near_arm: Arm | None = None) -> Pose:
    """Sitting tall on a stool, facing right, the hands resting on the thighs."""
    return Pose(
        hip=SEATED_HIP,
        torso=-90,
        neck=neck,
        face=face,
        chest=0,
        near_arm=near_arm or Arm(84, 8),
        near_leg=Leg(0, 90, 0),  # the far leg is hidden behind it
        body=SEATED,
    )


def seated_side(
    pose: Pose, extra: Sequence[str] = (), accent_arms: bool = False, head_moves: bool = False
) -> str:
    elements = [floor(EXERCISE_WIDTH), *stool(SEATED_HIP.x - 30, SEATED_HIP.x + 34)]
    elements += figure(pose, accent_arms=accent_arms)
    if head_moves:
        elements += accent_head(pose)
    return svg(EXERCISE_WIDTH, EXERCISE_HEIGHT, [*elements, *extra])


TUCKED_NECK = -103  # the head drawn straight back over the shoulders


def chin_tuck_start() -> str:
    """Sitting tall, looking straight ahead; the arrow shows the chin about to draw straight back."""
    pose = seated_side_pose()
    chin = skeleton(pose).head + Point(SEATED.head + 12, SEATED.head * 0.5)
    return seated_side(pose, straight_arrow(chin + Point(28, 0), chin), head_moves=True)


def chin_tuck_tucked() -> str:
    """The head drawn straight back, still level, the start position shown as a pale outline."""
    before, pose = skeleton(seated_side_pose()).head, seated_side_pose(neck=TUCKED_NECK)
    ghost = (
        f'<circle cx="{num(before.x)}" cy="{num(before.y)}" r="{num(SEATED.head)}" '
        f'{style(PALE, GUIDE_LINE)} stroke-dasharray="4 4"/>'
    )
    chin = skeleton(pose).head + Point(SEATED.head + 16, SEATED.head * 0.5)
    return seated_side(pose, [ghost, *straight_arrow(chin + Point(20, 0), chin)], head_moves=True)


def squeeze_frame(upper: float) -> str:
    """Sitting tall, the elbows bent at the sides and the forearms forward; the arrow behind the
    back shows the elbows going back as the shoulder blades squeeze together.
    """
    bent = Arm(upper, -4)
    pose = replace(seated_side_pose(near_arm=bent), far_arm=bent)
    elbow = skeleton(pose).near_arm[1]  # type: ignore[index]
    back = SEATED_HIP.x - SEATED.chest * 0.62  # just behind the upper back
    start = Point(min(back, elbow.x - SEATED.elbow_r - 6), elbow.y)
    return seated_side(pose, straight_arrow(start, start - Point(30, 0)), accent_arms=True)


STANDING_FRONT = BODY.scaled(1.14)  # as large as the frame allows, so the head reads clearly
FRONT_HIP = Point(
    EXERCISE_WIDTH / 2, FLOOR - STANDING_FRONT.ankle - STANDING_FRONT.shin - STANDING_FRONT.thigh
)
FRONT_NECK = FRONT_HIP.y - STANDING_FRONT.torso  # where the neck rises


def standing_front(neck: float, face: float | None, arrow: Sequence[str]) -> str:
    """Standing tall, seen from the front, the arms relaxed at the sides and the head in the
    accent colour.
    """
    pose = Pose(
        hip=FRONT_HIP,
        torso=-90,
        neck=neck,
        face=face,
        chest=None,
        near_arm=Arm.straight(84),
        far_arm=Arm.straight(96),
        near_leg=Leg(87, 89, 20),
        far_leg=Leg(93, 91, 160),
        body=STANDING_FRONT,
    )
    elements = [floor(EXERCISE_WIDTH), *figure(pose), *accent_head(pose)]
    return svg(EXERCISE_WIDTH, EXERCISE_HEIGHT, [*elements, *arrow])


def neck_turn() -> str:
    """From the front, the head turned to look over the right shoulder; a flat arc above the head
    shows the turn.
    """
    top = FRONT_NECK - STANDING_FRONT.neck - STANDING_FRONT.head - 10
    left, right = Point(EXERCISE_WIDTH / 2 - 30, top), Point(EXERCISE_WIDTH / 2 + 30, top)
    arc = path(f"M{left} Q{num(EXERCISE_WIDTH / 2)},{num(top - 16)} {right - Point(8, -3)}", ACCENT, LINE)
    return standing_front(-90, 0, [arc, arrowhead(right, 24)])


def neck_tilt() -> str:
    """From the front, the ear tipped towards the right shoulder; an arc over the head shows it."""
    centre = Point(EXERCISE_WIDTH / 2, FRONT_NECK)
    return standing_front(
        -66, None, arc_arrow(centre, STANDING_FRONT.neck + STANDING_FRONT.head + 8, -100, -50)
    )


def neck_nod(neck: float, face: float, arrow_from: float, arrow_to: float) -> str:
    """From the side, looking down or up; an arc in front of the face shows the nod."""
    pose = seated_side_pose(neck=neck, face=face)
    centre = skeleton(pose).head
    return seated_side(pose, arc_arrow(centre, SEATED.head + 12, arrow_from, arrow_to), head_moves=True)


# --- Exercise frames: doorway chest stretch ----------------------------------------------------

POST_X = 70.0  # the middle of the door-frame post, seen side on
POST_WIDTH = 12.0  # the depth of the frame, front to back
DOOR_TOP = FLOOR - 203  # a door about 2 metres high


def door_post() -> list[str]:
    """The door frame beside the figure, seen side on: a pale upright from the floor to the top."""
    corner = Point(POST_X - POST_WIDTH / 2, DOOR_TOP)
    return [
        f'<rect x="{num(corner.x)}" y="{num(corner.y)}" width="{num(POST_WIDTH)}" '
        f'height="{num(FLOOR - DOOR_TOP)}" fill="{PALE}"/>'
    ]


def frame_arm(shoulder: Point, body: Body = BODY) -> tuple[Point, ...]:
    """The near arm out to the side, towards the viewer, with the elbow at shoulder height on the
    door frame and the forearm straight up it.
    """
    back = shoulder.x - POST_X  # how far the shoulder is in front of the frame
    side = math.sqrt(max(body.upper_arm**2 - back**2, 0.0))
    elbow = shoulder - Point(back, 0) - FAR * side
    fist = elbow.step(-90, body.forearm)
    wrist = fist.step(90, body.fist_r * 1.5)
    return shoulder, elbow, wrist, fist


def chest_patch(pose: Pose, joints: Skeleton) -> str:
    """The front of the upper trunk, from the collar bones down to the bottom of the ribs."""
    body = pose.body
    ring = ((1.1, 0.06), (1.04, 0.28), (0.76, 0.42), (0.56, 0.39), (0.54, 0.06), (0.8, -0.08), (1.06, -0.1))
    return smooth_outline(
        [
            joints.hip.step(pose.torso, height * body.torso).step(pose.chest or 0, depth * body.chest)
            for height, depth in ring
        ]
    )


def standing_leg(hip: Point, thigh: float, foot: float = 0, body: Body = BODY) -> Leg:
    """A leg with the thigh in the direction `thigh` and the shin reaching down to the floor."""
    knee = hip.step(thigh, body.thigh)
    drop = (FLOOR - body.ankle - knee.y) / body.shin
    shin = math.degrees(math.asin(clamp(drop)))
    return Leg(thigh, shin if thigh < 90 else 180 - shin, foot)


def doorway_frame(forward: float, step: bool) -> str:
    """Standing in a doorway, facing right, the forearms up the frame with the elbows at shoulder
    height. With `step` the near foot is a step forward and the body has moved `forward` past the
    frame, so the chest opens and the arms are drawn back.
    """
    if step:
        hip = Point(POST_X + forward, FLOOR - BODY.ankle - 74.0)
        near_leg, far_leg = standing_leg(hip, 58), standing_leg(hip, 112)
    else:
        hip = Point(POST_X + forward, STANDING_HIP.y)
        near_leg, far_leg = Leg(90, 90, 0), None
    pose = Pose(
        hip=hip,
        torso=-88 if step else -90,
        neck=-86,
        face=0,
        chest=2 if step else 0,
        near_arm=None,  # drawn below, against the frame
        near_leg=near_leg,
        far_leg=far_leg,
    )
    joints = skeleton(pose)
    shoulder = hip.step(pose.torso, BODY.torso)
    near = frame_arm(shoulder)  # the far arm, on the far post, is hidden behind the head and trunk
    chest = shape(chest_patch(pose, joints), ACCENT)
    near_arm = filled(arm(near, BODY), ACCENT, parted=True)
    front = shoulder.step(pose.chest or 0, BODY.chest * 0.42).step(90, 12)
    arrow = straight_arrow(front + Point(14, 0), front + Point(42, 0))
    return svg(
        EXERCISE_WIDTH,
        EXERCISE_HEIGHT,
        [floor(EXERCISE_WIDTH), *door_post(), *figure(pose), chest, *near_arm, *arrow],
    )


# --- Sleep positions ----------------------------------------------------------------------------

SLEEP_WIDTH, SLEEP_HEIGHT = 320, 140
MATTRESS_TOP = 102.0
LYING = BODY.scaled(1.5)  # the same in all three: as large as the longest, on the stomach, allows


def sleep_scene(pose: Pose, pillows: Iterable[str], between_legs: Sequence[str] = ()) -> str:
    """The figure on a mattress, lying on `pillows`, with `between_legs` under its near leg. A face
    turned to the viewer has its eyes closed, so it reads as a face.
    """
    mattress = rounded_rect(Point(8, MATTRESS_TOP), Point(SLEEP_WIDTH - 16, 28), 12, PALE, GROUND_LINE)
    face = sleeping_face(skeleton(pose).head, pose.body.head, pose.neck) if pose.face is None else []
    return svg(
        SLEEP_WIDTH, SLEEP_HEIGHT, [mattress, *pillows, *figure(pose, between_legs=between_legs), *face]
    )


def sleeping_face(centre: Point, radius: float, up: float) -> list[str]:
    """Closed eyes and the line of the nose, in white, on a head seen from the front with its crown
    in the direction `up`.
    """
    across = up + 90
    eyes = []
    for side in (-1, 1):
        eye = centre.step(up, radius * 0.12).step(across, side * radius * 0.36)
        ends = eye.step(across, -radius * 0.22), eye.step(across, radius * 0.22)
        lid = eye.step(up + 180, radius * 0.25)
        eyes.append(path(f"M{ends[0]} Q{lid} {ends[1]}", WHITE, FACE_LINE))
    nose = line(centre.step(up, -radius * 0.05), centre.step(up, -radius * 0.35), WHITE, FACE_LINE)
    return [*eyes, nose]


def head_pillow(head: Point, top: float, behind: float, front: float) -> str:
    """A pillow from `top` down to the mattress, reaching `behind` the centre of the head (to its
    left) and `front` of it.
    """
    height = MATTRESS_TOP + 4 - top  # pressed a little into the mattress
    return pillow(Point(head.x + (front - behind) / 2, top + height / 2), behind + front, height)


def cushion(start: Point, end: Point, thickness: float) -> str:
    """A long pillow or a roll lying along the line from `start` to `end`."""
    return path(capsule(start, thickness / 2, end, thickness / 2), INK, LINE, WHITE)


def sleep_side() -> str:
    """On the side, seen from the front and a little from above, so the trunk shows from the
    front: the lower shoulder and hip rest on the mattress and the head lies on a pillow that keeps
    it in line with the spine. The hips and knees bend, bringing the knees forward (down the
    picture) and the feet back, and the upper knee rests on a pillow between the knees.
    """
    # The shoulders look narrower than when standing: the lower one rolls forward under the chest.
    body = replace(LYING, shoulders=LYING.hips * 1.35)
    tilt = math.degrees(math.asin((body.shoulders - body.hips) / 2 / body.torso))
    upper_leg, lower_leg = Leg(32, -12, 30), Leg(27, -17, 30)  # the lower knee a little behind
    pose = Pose(
        hip=Point(165, MATTRESS_TOP - 3 - body.hips / 2 - body.hip_r),
        torso=180 + tilt,
        neck=180 + tilt,
        face=None,
        chest=None,
        near_arm=Arm(80, 165),  # the forearm rests on the mattress in front of the chest
        near_leg=upper_leg,
        far_leg=lower_leg,
        body=body,
    )
    joints = skeleton(pose)
    assert joints.far_leg is not None
    upper_knee, lower_knee = joints.near_leg[1], joints.far_leg[1]
    knees, along = (upper_knee + lower_knee) * 0.5, (upper_leg.thigh + lower_leg.thigh) / 2
    between = cushion(knees.step(along + 180, 30), knees.step(along, 16), abs(lower_knee - upper_knee))
    head = joints.head
    return sleep_scene(pose, [head_pillow(head, head.y + body.head * 0.4, 49, 40)], [between])


def sleep_back() -> str:
    """On the back, the head on a low pillow, the knees bent over a roll and the heels on the
    mattress.
    """
    hip = Point(160, MATTRESS_TOP - LYING.chest * 0.52)  # the back rests on the mattress
    thigh = -24
    knee = hip.step(thigh, LYING.thigh)
    ankle = MATTRESS_TOP - LYING.ankle_r * 1.3  # the heel rests on the mattress
    pose = Pose(
        hip=hip,
        torso=180,
        neck=206,
        face=295,
        chest=270,
        near_arm=Arm(10, 4),
        near_leg=Leg(thigh, math.degrees(math.asin((ankle - knee.y) / LYING.shin)), -45),
        body=LYING,
    )
    head = skeleton(pose).head
    under_knee = MATTRESS_TOP + 2 - knee.y - LYING.knee_r
    roll = cushion(
        Point(knee.x - 12, MATTRESS_TOP - under_knee / 2),
        Point(knee.x + 8, MATTRESS_TOP - under_knee / 2),
        under_knee,
    )
    return sleep_scene(pose, [head_pillow(head, head.y + LYING.head * 0.7, 40, 30), roll])


def sleep_stomach() -> str:
    """Face down, the head turned to the side on a pillow and the belly sinking into the mattress,
    so the low back sags.
    """
    sag = 11.0
    hip = Point(152, MATTRESS_TOP + 3 - LYING.chest * 0.36 - sag)  # the belly a little into the mattress
    # The legs lie straight, the knees on the mattress.
    thigh = math.degrees(math.asin((MATTRESS_TOP - LYING.knee_r - hip.y) / LYING.thigh))
    pose = Pose(
        hip=hip,
        torso=180,
        neck=184,
        face=None,  # turned to the side, towards the viewer
        chest=90,
        near_arm=Arm(12, 0),
        near_leg=Leg(thigh, 0, 12),
        sag=sag,
        body=LYING,
    )
    head = skeleton(pose).head
    return sleep_scene(pose, [head_pillow(head, head.y + LYING.head * 0.6, 40, 26)])


# --- Demo clinic logo ---------------------------------------------------------------------------


def logo() -> str:
    """Riverside Physiotherapy: a figure stretching above a river wave, white on teal."""
    return svg(
        120,
        120,
        [
            f'<rect x="4" y="4" width="112" height="112" rx="26" fill="{TEAL}"/>',
            circle(Point(60, 26), 10, WHITE),
            path("M32,34 Q60,68 88,34", WHITE, 9),  # arms raised in a stretch
            path("M60,52 C61,64 55,72 54,84", WHITE, 9),  # a gently curved spine
            path("M22,92 Q34,82 46,92 Q58,102 70,92 Q82,82 94,92", WHITE, 7),  # the river
        ],
    )


# --- Exercise frames: upper back stretch over a foam roller ------------------------------------

ROLLER_WIDTH, ROLLER_HEIGHT = 230, 130
ROLLER_FLOOR = ROLLER_HEIGHT - 10.0
ON_ROLLER = BODY.scaled(1.4)  # as large as the seated figures
ROLLER_R = 11.0  # a foam roller about 15 cm across, seen end on
ROLLER_HIP_X = 150.0
ROLLER_CONTACT = 13  # the roller sits under the back at this point of PROFILE_TRUNK (the shoulder blades)


def trunk_point(pose: Pose, height: float, depth: float) -> Point:
    """A point of the trunk's profile, placed as `trunk` places it."""
    body = pose.body
    return (
        pose.hip.step(pose.torso, height * body.torso)
        .step(pose.chest or 0, depth * body.chest)
        .step(90, pose.sag * math.sin(math.pi * clamp(height)))
    )


def roller_pose(torso: float, sag: float, neck: float) -> Pose:
    """Lying on the back, head to the left, the hips on the floor and the knees bent with the feet
    flat; the trunk rises at `torso` so the upper back rests on the roller.
    """
    chest = torso + 90  # the chest faces up
    pose = Pose(
        hip=Point(ROLLER_HIP_X, 0),
        torso=torso,
        neck=neck,
        face=neck + 90,
        chest=chest,
        near_arm=None,  # crossed over the chest, drawn over the figure
        near_leg=Leg(0, 0, 0),
        sag=sag,
        body=ON_ROLLER,
    )
    # The buttocks rest on the floor, pressed in a little.
    lowest = max(trunk_point(pose, h, d).y for h, d in PROFILE_TRUNK if h < 0.3)
    hip = Point(ROLLER_HIP_X, ROLLER_FLOOR + 1.5 - lowest)
    thigh = -52.0
    knee = hip.step(thigh, ON_ROLLER.thigh)
    drop = (ROLLER_FLOOR - ON_ROLLER.ankle - knee.y) / ON_ROLLER.shin
    return replace(pose, hip=hip, near_leg=Leg(thigh, math.degrees(math.asin(clamp(drop))), 0))


def roller_centre(pose: Pose) -> Point:
    """The roller's centre, just under the back at the shoulder blades."""
    height, depth = PROFILE_TRUNK[ROLLER_CONTACT]
    return trunk_point(pose, height, depth).step((pose.chest or 0) + 180, ROLLER_R - 1.5)


def lying_on_roller(sag: float, neck_bend: float) -> tuple[Pose, Point]:
    """The pose whose back just rests on a roller lying on the floor: the trunk's slope is found by
    halving the range until the roller's bottom is on the floor.
    """
    low, high = 180.0, 240.0
    for _ in range(40):
        torso = (low + high) / 2
        pose = roller_pose(torso, sag, torso - neck_bend)
        if roller_centre(pose).y + ROLLER_R > ROLLER_FLOOR:
            low = torso  # the roller would sink into the floor: the trunk must rise more steeply
        else:
            high = torso
    return pose, roller_centre(pose)


def crossed_arm(pose: Pose) -> tuple[Point, ...]:
    """The near arm folded across the chest: the elbow over the lower chest and the hand on the far
    shoulder.
    """
    body = pose.body
    shoulder = pose.hip.step(pose.torso, body.torso)
    elbow = trunk_point(pose, 0.5, 0.62)
    fist = trunk_point(pose, 1.0, 0.34) + FAR * (body.shoulders * 0.8)
    wrist = fist + (elbow - fist) * (body.fist_r * 1.5 / abs(elbow - fist))
    return shoulder, elbow, wrist, fist


def upper_back_patch(pose: Pose) -> str:
    """The upper trunk, from the shoulder blades up to the neck: the part that arches."""
    ring = [
        (0.5, -0.5),
        (0.64, -0.55),
        (0.88, -0.58),
        (1.06, -0.46),
        (1.14, -0.22),
        (1.12, 0.06),
        (0.8, 0.1),
        (0.55, 0.05),
    ]
    return smooth_outline([trunk_point(pose, h, d) for h, d in ring])


def roller(centre: Point) -> list[str]:
    """A foam roller seen end on: a circle with a smaller one inside."""
    at = f'cx="{num(centre.x)}" cy="{num(centre.y)}"'
    return [
        f'<circle {at} r="{num(ROLLER_R)}" {style(INK, LINE, WHITE)}/>',
        f'<circle {at} r="{num(ROLLER_R * 0.4)}" {style(PALE, GUIDE_LINE)}/>',
    ]


def roller_frame(arch: bool) -> str:
    """Lying on the back over the roller, the arms crossed over the chest. With `arch` the upper back
    (in the accent colour) bends gently back over the roller; the dotted circle is where the head was
    and the arrow shows the way it went.
    """
    pose, centre = lying_on_roller(-18.0 if arch else 0.0, 24.0 if arch else 0.0)
    elements = [line(Point(8, ROLLER_FLOOR), Point(ROLLER_WIDTH - 8, ROLLER_FLOOR), PALE, GROUND_LINE)]
    if arch:
        before = skeleton(lying_on_roller(0.0, 0.0)[0]).head
        elements.append(
            f'<circle cx="{num(before.x)}" cy="{num(before.y)}" r="{num(pose.body.head)}" '
            f'{style(PALE, GUIDE_LINE)} stroke-dasharray="4 4"/>'
        )
    elements += [*roller(centre), *figure(pose)]
    if arch:
        elements.append(shape(upper_back_patch(pose), ACCENT))
    elements += filled(arm(crossed_arm(pose), pose.body), INK, parted=True)
    if arch:
        elements += arc_arrow(centre, 74, -100, -150)
    return svg(ROLLER_WIDTH, ROLLER_HEIGHT, elements)


PICTURES: dict[str, Callable[[], str]] = {
    # Arms down in front, the stick before the thighs; it will travel up and forward.
    "dislocates-1-start.svg": lambda: dislocates_frame(76, 62, -62),
    # Arms straight up, the stick above the head; it carries on backwards.
    "dislocates-2-overhead.svg": lambda: dislocates_frame(-93, -112, -190),
    # Arms reaching down behind, the stick behind the buttocks; it comes back up.
    "dislocates-3-behind.svg": lambda: dislocates_frame(115, 172, 128, behind=True),
    # On the way back over the top, forward and down to the start.
    "dislocates-4-return.svg": lambda: dislocates_frame(-45, -75, 45),
    "dislocates-grip.svg": dislocates_grip,
    # Sitting tall, then the chin drawn straight back.
    "chin-tuck-1-start.svg": chin_tuck_start,
    "chin-tuck-2-tucked.svg": chin_tuck_tucked,
    # Elbows bent at the sides; they go back as the shoulder blades squeeze.
    "shoulder-blade-squeeze-1-start.svg": lambda: squeeze_frame(86),
    "shoulder-blade-squeeze-2-squeeze.svg": lambda: squeeze_frame(110),
    # Turning the head, tipping the ear to the shoulder, looking down and looking up.
    "neck-range-of-motion-1-turn.svg": neck_turn,
    "neck-range-of-motion-2-tilt.svg": neck_tilt,
    "neck-range-of-motion-3-down.svg": lambda: neck_nod(-80, 50, -20, 40),
    "neck-range-of-motion-4-up.svg": lambda: neck_nod(-92, -35, 10, -50),
    # Standing in the doorway, forearms on the frame; then a step forward opens the chest.
    "doorway-chest-stretch-1-start.svg": lambda: doorway_frame(10, step=False),
    "doorway-chest-stretch-2-stretch.svg": lambda: doorway_frame(28, step=True),
    # Lying on the back over a roller under the upper back; then the upper back arches over it.
    "thoracic-extension-1-start.svg": lambda: roller_frame(arch=False),
    "thoracic-extension-2-arch.svg": lambda: roller_frame(arch=True),
    "sleep-side.svg": sleep_side,
    "sleep-back.svg": sleep_back,
    "sleep-stomach.svg": sleep_stomach,
}


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    for name, draw in PICTURES.items():
        (IMAGES / name).write_text(draw(), encoding="utf-8")
    LOGO.write_text(logo(), encoding="utf-8")


if __name__ == "__main__":
    main()
