"""Draw the bundled line-art illustrations into images/ and the demo clinic's logo.

A figure is a pose: the direction of each body segment in degrees. Angles follow SVG's axes, so 0
points right and 90 points down (angles grow clockwise on screen). The pose becomes joint
positions, and the joints are drawn as thick rounded strokes. Each picture is then a pose and a
few props. The moving parts use the accent colour, which the builder swaps for the clinic's own.

This is a developer tool: run `python scripts/draw_illustrations.py` after changing a drawing and
commit the SVG files it writes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "images"
LOGO = ROOT / "demo-clinic" / "logo.svg"

INK = "#1F2933"  # figure and props
PALE = "#9AA5B1"  # far-side limbs, floor and mattress
ACCENT = "#C2571A"  # the moving part and motion arrows; recoloured by the builder
WHITE = "#FFFFFF"
TEAL = "#125B6B"  # the demo clinic's brand colour

LIMB = 9.0
ACCENT_LIMB = 11.0  # moving limbs are thicker too, so they stand out in black and white
OUTLINE = 5.0  # outline of the head
EYE = 1.7
PROP_LINE = 3.5
GROUND_LINE = 3.0
ARROW_LINE = 4.0
GUIDE_LINE = 2.0
HALO = 3.0  # white gap on each side of a limb that crosses something dark


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


def num(value: float) -> str:
    """A coordinate with at most one decimal and no trailing '.0'."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


# --- The figure -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    """Segment lengths of a standing figure 160 units tall; the head is about 1/7 of that."""

    head: float = 11.5  # radius
    neck: float = 20.0  # shoulder to the centre of the head
    torso: float = 46.0  # hip to shoulder
    upper_arm: float = 30.0
    forearm: float = 33.0  # elbow to the middle of the hand
    thigh: float = 40.0
    shin: float = 40.0
    foot: float = 15.0  # ankle to toes
    heel: float = 4.0  # ankle to the back of the heel
    shoulders: float = 34.0  # width between the shoulder joints, seen from the front
    hips: float = 20.0
    depth: float = 19.0  # thickness of the trunk in profile

    def scaled(self, factor: float) -> Body:
        return Body(*(getattr(self, field.name) * factor for field in fields(self)))


BODY = Body()
# On-screen offset of a profile figure's far side per unit of body width, as if seen slightly
# from the front and above: the far leg shows a little behind the near one.
PROFILE_DEPTH = polar(195, 0.3)
ANKLE_HEIGHT = 5.0  # keeps the foot's stroke on top of the floor line


@dataclass(frozen=True)
class Arm:
    upper: float  # direction of the upper arm
    fore: float  # direction of the forearm

    @classmethod
    def straight(cls, angle: float) -> Arm:
        return cls(angle, angle)


@dataclass(frozen=True)
class Leg:
    thigh: float
    shin: float
    foot: float  # direction from the ankle to the toes


@dataclass(frozen=True)
class Pose:
    """Where a figure is and how its segments point."""

    hip: Point  # centre of the hips
    torso: float  # direction from the hips to the shoulders
    neck: float  # direction from the shoulders to the centre of the head
    face: float | None  # direction the nose points; None when the face looks at the viewer
    near_arm: Arm | None  # None when it is hidden, as under a pillow
    near_leg: Leg
    far_arm: Arm | None = None  # None when it is hidden behind the near one
    far_leg: Leg | None = None
    front: bool = False  # facing the viewer: both sides are equally near, side by side
    sag: float = 0.0  # how far the middle of the torso bows downwards
    body: Body = BODY


@dataclass(frozen=True)
class Skeleton:
    """Joint positions. A limb is a chain of joints: shoulder-elbow-hand, hip-knee-ankle-toes."""

    hip: Point
    shoulder: Point
    head: Point
    near_arm: tuple[Point, ...] | None
    near_leg: tuple[Point, ...]
    far_arm: tuple[Point, ...] | None
    far_leg: tuple[Point, ...] | None


def arm_joints(shoulder: Point, arm: Arm, body: Body) -> tuple[Point, ...]:
    elbow = shoulder.step(arm.upper, body.upper_arm)
    return shoulder, elbow, elbow.step(arm.fore, body.forearm)


def leg_joints(hip: Point, leg: Leg, body: Body, foot: float) -> tuple[Point, ...]:
    """Hip, knee, ankle, heel and toes; `foot` is the foot's drawn length."""
    knee = hip.step(leg.thigh, body.thigh)
    ankle = knee.step(leg.shin, body.shin)
    heel = ankle.step(leg.foot + 180, body.heel)
    return hip, knee, ankle, heel, ankle.step(leg.foot, foot)


def skeleton(pose: Pose) -> Skeleton:
    body = pose.body
    shoulder = pose.hip.step(pose.torso, body.torso)
    far = polar(pose.torso - 90) if pose.front else PROFILE_DEPTH
    shoulder_offset = far * (-body.shoulders / 2)
    hip_offset = far * (-body.hips / 2)
    foot = body.foot / 2 if pose.front else body.foot  # a foot seen from the front looks short
    return Skeleton(
        hip=pose.hip,
        shoulder=shoulder,
        head=shoulder.step(pose.neck, body.neck),
        near_arm=(
            None if pose.near_arm is None else arm_joints(shoulder + shoulder_offset, pose.near_arm, body)
        ),
        near_leg=leg_joints(pose.hip + hip_offset, pose.near_leg, body, foot),
        far_arm=(
            None if pose.far_arm is None else arm_joints(shoulder - shoulder_offset, pose.far_arm, body)
        ),
        far_leg=(
            None if pose.far_leg is None else leg_joints(pose.hip - hip_offset, pose.far_leg, body, foot)
        ),
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


def circle(centre: Point, radius: float, fill: str, outline: str | None = None) -> str:
    """A filled circle, optionally with a dark outline OUTLINE thick."""
    stroke = f' stroke="{outline}" stroke-width="{num(OUTLINE)}"' if outline else ""
    return f'<circle cx="{num(centre.x)}" cy="{num(centre.y)}" r="{num(radius)}" fill="{fill}"{stroke}/>'


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


# --- Drawing a figure -------------------------------------------------------------------------


def limb(chain: tuple[Point, ...], colour: str, width: float, halo: bool = False) -> list[str]:
    """A limb; with `halo`, a white edge parts it from what lies behind it."""
    stroke = polyline(chain, colour, width)
    if not halo:
        return [stroke]
    return [polyline(chain, WHITE, width + 2 * HALO), stroke]


def torso(pose: Pose, joints: Skeleton) -> str:
    """The trunk: a thick rounded line in profile, a tapering rounded shape from the front."""
    body = pose.body
    top = joints.shoulder.step(pose.torso + 180, (body.depth - LIMB) / 2)
    if not pose.front:
        middle = (joints.hip + top) * 0.5 + Point(0, 2 * pose.sag)
        return path(f"M{joints.hip} Q{middle} {top}", INK, body.depth)
    shoulder, hip = (body.shoulders + LIMB) / 2, (body.hips + LIMB) / 2  # outer half-widths
    waist = min(shoulder, hip) - 2
    length, end = body.torso, LIMB / 2
    half = (  # (height above the hip joint, distance from the middle) down one side
        (length + end, 0),
        (length + end - 1, shoulder - 7),
        (length - 4, shoulder),
        (length * 0.55, waist),
        (length * 0.1, hip),
        (-LIMB, hip - 6),
    )
    ring = [*half, (-LIMB - 2, 0), *((height, -width) for height, width in reversed(half[1:]))]
    across = pose.torso + 90
    outline = [joints.hip.step(pose.torso, height).step(across, width) for height, width in ring]
    return f'<path d="{smooth_outline(outline)}" fill="{INK}"/>'


def smooth_outline(ring: Sequence[Point]) -> str:
    """Path commands for a closed smooth curve through the points (Catmull-Rom as Béziers)."""
    commands = [f"M{ring[0]}"]
    for index, start in enumerate(ring):
        before, end = ring[index - 1], ring[(index + 1) % len(ring)]
        after = ring[(index + 2) % len(ring)]
        commands.append(f"C{start + (end - before) * (1 / 6)} {end - (after - start) * (1 / 6)} {end}")
    return " ".join(commands) + " Z"


def face(centre: Point, radius: float, nose: float | None, up: float) -> list[str]:
    """A nose and an eye looking towards `nose`, or two eyes when the face looks at the viewer."""
    if nose is None:
        eyes = centre.step(up, radius * 0.05)
        return [circle(eyes.step(up + side, radius * 0.36), EYE, INK) for side in (90, -90)]
    chin = (up - nose) % 360 - 180  # signed turn from the nose towards the chin
    tip = nose + math.copysign(14, chin)  # the nose sits a little below the eye line
    eye = centre.step(nose, radius * 0.42).step(up, radius * 0.2)
    return [
        polygon(
            (
                centre.step(tip - 26, radius),
                centre.step(tip, radius + 5.5),
                centre.step(tip + 26, radius),
            ),
            INK,
        ),
        circle(eye, EYE, INK),
    ]


def figure(pose: Pose, accent_arms: bool = False) -> list[str]:
    """The figure in `pose`, drawn back to front; with `accent_arms` the arms are the moving part."""
    joints = skeleton(pose)
    arm_colour, arm_width = (ACCENT, ACCENT_LIMB) if accent_arms else (INK, LIMB)
    elements: list[str] = []
    if joints.far_leg:
        elements += limb(joints.far_leg, INK if pose.front else PALE, LIMB)
    # Seen from the front, neither arm is behind the trunk.
    arms_in_front = [joints.near_arm]
    if pose.front:
        arms_in_front.append(joints.far_arm)
    elif joints.far_arm:
        elements += limb(joints.far_arm, arm_colour if accent_arms else PALE, arm_width)
    elements += limb(joints.near_leg, INK, LIMB)
    elements.append(line(joints.shoulder, joints.head, INK, LIMB))
    elements.append(torso(pose, joints))
    # A white gap parts an arm from the trunk it crosses. Accent arms hanging beside a trunk seen
    # from the front are set apart by their colour, and a gap would only nick the shoulders.
    halo = not (pose.front and accent_arms)
    for arm in arms_in_front:
        if arm:
            elements += limb(arm, arm_colour, arm_width, halo)
    # The head comes last, so a raised arm passes behind it and the face always shows.
    elements.append(circle(joints.head, pose.body.head + HALO, WHITE))
    elements.append(circle(joints.head, pose.body.head, WHITE, INK))
    elements += face(joints.head, pose.body.head, pose.face, pose.neck)
    return elements


# --- Props ------------------------------------------------------------------------------------


def arrowhead(tip: Point, heading: float) -> str:
    """A solid arrowhead, so the arrow reads in black and white too."""
    return polygon((tip, tip.step(heading + 150, 16), tip.step(heading - 150, 16)), ACCENT)


def arc_arrow(centre: Point, radius: float, start: float, end: float) -> list[str]:
    """A motion arrow along a circle from angle `start` to angle `end`, its head at `end`."""
    turn = 1 if end > start else -1
    stop = end - turn * math.degrees(10 / radius)  # the line stops inside the arrowhead
    begin, finish = centre.step(start, radius), centre.step(stop, radius)
    large = 1 if abs(stop - start) > 180 else 0
    sweep = 1 if turn > 0 else 0
    commands = f"M{begin} A{num(radius)},{num(radius)} 0 {large} {sweep} {finish}"
    tip = centre.step(end, radius)
    return [path(commands, ACCENT, ARROW_LINE), arrowhead(tip, end + turn * 90)]


def double_arrow(start: Point, end: Point) -> list[str]:
    """A straight motion arrow with a head at each end."""
    heading = direction(start, end)
    inset = polar(heading, 10)  # the line stops inside the arrowheads
    return [
        line(start + inset, end - inset, ACCENT, ARROW_LINE),
        arrowhead(start, heading + 180),
        arrowhead(end, heading),
    ]


def stick(start: Point, end: Point) -> list[str]:
    """The stick, in the accent colour, parted by a white edge from the figure behind it."""
    return [
        line(start, end, WHITE, ACCENT_LIMB + 2 * HALO),
        line(start, end, ACCENT, ACCENT_LIMB),
    ]


def pillow(centre: Point, width: float, height: float) -> str:
    """A pillow or cushion: a plump rounded box."""
    corner = centre - Point(width / 2, height / 2)
    return rounded_rect(corner, Point(width, height), height * 0.45, INK, PROP_LINE)


# --- Exercise frames: shoulder dislocates with a stick -----------------------------------------

EXERCISE_SIZE = 240
FLOOR = 226.0
STANDING_HIP = Point(108, FLOOR - ANKLE_HEIGHT - BODY.thigh - BODY.shin)
ARM_REACH = BODY.upper_arm + BODY.forearm
ARROW_RADIUS = ARM_REACH + 20  # motion arrows circle the shoulder just outside the stick


def floor() -> str:
    return line(Point(16, FLOOR), Point(EXERCISE_SIZE - 16, FLOOR), PALE, GROUND_LINE)


def dislocates_frame(arms: float, arrow_from: float, arrow_to: float) -> str:
    """Standing tall in profile, facing right, both arms straight in the direction `arms` and
    holding the stick; the arrow shows where the stick goes next.
    """
    pose = Pose(
        hip=STANDING_HIP,
        torso=-90,
        neck=-80,
        face=0,
        near_arm=Arm.straight(arms),  # the far arm is hidden behind it
        near_leg=Leg(90, 90, 0),
        far_leg=Leg(90, 90, 0),
    )
    joints = skeleton(pose)
    assert joints.near_arm is not None
    hand = joints.near_arm[-1]
    # Seen from the side the stick runs away from the viewer, so only a short stretch shows.
    into = PROFILE_DEPTH * (1 / abs(PROFILE_DEPTH))
    return svg(
        EXERCISE_SIZE,
        EXERCISE_SIZE,
        [
            floor(),
            *arc_arrow(joints.shoulder, ARROW_RADIUS, arrow_from, arrow_to),
            *figure(pose, accent_arms=True),
            *stick(hand - into * 7, hand + into * 20),
        ],
    )


def dislocates_grip() -> str:
    """From the front, arms straight down to a wide grip on the stick in front of the thighs, and
    an arrow above showing the width between the hands.
    """
    grip = 50.0  # half the distance between the hands
    arm = math.degrees(math.acos((grip - BODY.shoulders / 2) / ARM_REACH))
    pose = Pose(
        hip=Point(EXERCISE_SIZE / 2, STANDING_HIP.y),
        torso=-90,
        neck=-90,
        face=None,
        near_arm=Arm.straight(arm),
        far_arm=Arm.straight(180 - arm),
        near_leg=Leg(87, 88, 10),
        far_leg=Leg(93, 92, 170),
        front=True,
    )
    joints = skeleton(pose)
    assert joints.near_arm is not None and joints.far_arm is not None
    right, left = joints.near_arm[-1], joints.far_arm[-1]
    arrow_height = 50.0
    guides = [
        line(hand - Point(0, 12), Point(hand.x, arrow_height + 6), PALE, GUIDE_LINE) for hand in (left, right)
    ]
    return svg(
        EXERCISE_SIZE,
        EXERCISE_SIZE,
        [
            floor(),
            *figure(pose, accent_arms=True),
            *stick(left - Point(24, 0), right + Point(24, 0)),
            *guides,
            *double_arrow(Point(left.x, arrow_height), Point(right.x, arrow_height)),
        ],
    )


# --- Sleep positions ----------------------------------------------------------------------------

SLEEP_WIDTH, SLEEP_HEIGHT = 320, 140
MATTRESS_TOP = 100.0
LYING = BODY.scaled(1.3)
LYING_HIP = Point(170, MATTRESS_TOP - LYING.depth / 2 - 1)  # the trunk in profile rests on top


def sleep_scene(pose: Pose, pillows: Iterable[str]) -> str:
    mattress = rounded_rect(Point(10, MATTRESS_TOP), Point(SLEEP_WIDTH - 20, 28), 12, PALE, GROUND_LINE)
    return svg(SLEEP_WIDTH, SLEEP_HEIGHT, [mattress, *pillows, *figure(pose)])


def head_pillow(joints: Skeleton) -> str:
    """A pillow on the mattress that reaches up to the back of the head."""
    height = MATTRESS_TOP - joints.head.y + LYING.head * 0.4
    return pillow(Point(joints.head.x - 6, MATTRESS_TOP - height / 2), 70, height)


def sleep_back() -> str:
    """On the back, head on a pillow, knees raised a little over a pillow, a hand on the belly."""
    pose = Pose(
        hip=LYING_HIP,
        torso=180,
        neck=200,
        face=290,
        near_arm=Arm(10, -14),
        near_leg=Leg(-14, 14, -65),
        far_leg=Leg(-14, 14, -65),
        body=LYING,
    )
    joints = skeleton(pose)
    knee = joints.near_leg[1]
    under_knee = MATTRESS_TOP - knee.y - LIMB / 2
    knee_pillow = pillow(Point(knee.x, MATTRESS_TOP - under_knee / 2), 64, under_knee)
    return sleep_scene(pose, [head_pillow(joints), knee_pillow])


def sleep_stomach() -> str:
    """Face down with the head turned to the side on a pillow and the low back sagging."""
    pose = Pose(
        hip=LYING_HIP,
        torso=180,
        neck=190,
        face=None,  # turned to the side, towards the viewer
        near_arm=Arm(150, 182),  # reaching forward along the pillow
        near_leg=Leg(5, 0, 14),
        far_leg=Leg(5, 0, 14),
        sag=5,
        body=LYING,
    )
    return sleep_scene(pose, [head_pillow(skeleton(pose))])


def sleep_side() -> str:
    """On the left side, facing the viewer, so the trunk is seen from the front. The lower shoulder
    and hip rest on the mattress, the head lies on a pillow in line with the spine, and the knees
    come forward (towards the viewer, so a little down the picture) with a pillow between them.
    """
    body = replace(LYING, shoulders=LYING.hips * 1.4)
    tilt = math.degrees(math.asin((body.shoulders - body.hips) / 2 / body.torso))
    pose = Pose(
        hip=Point(150, MATTRESS_TOP - (body.hips + LIMB) / 2),
        torso=180 + tilt,
        neck=180 + tilt,
        face=None,
        near_arm=Arm(75, 5),
        near_leg=Leg(9, -15, 0),
        far_leg=Leg(9, -15, 0),
        front=True,
        body=body,
    )
    joints = skeleton(pose)
    assert joints.far_leg is not None
    top_knee, bottom_knee = joints.near_leg[1], joints.far_leg[1]
    between = pillow((top_knee + bottom_knee) * 0.5, 34, bottom_knee.y - top_knee.y - LIMB)
    return sleep_scene(pose, [head_pillow(joints), between])


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


PICTURES: dict[str, Callable[[], str]] = {
    # Arms down in front, the stick before the thighs; it will travel up and forward.
    "dislocates-1-start.svg": lambda: dislocates_frame(75, 60, -20),
    # Arms straight up, the stick above the head; it carries on backwards.
    "dislocates-2-overhead.svg": lambda: dislocates_frame(-100, -120, -178),
    # Arms reaching down behind, the stick behind the buttocks; it comes back up.
    "dislocates-3-behind.svg": lambda: dislocates_frame(122, 150, 200),
    # On the way back over the top, forward and down to the start.
    "dislocates-4-return.svg": lambda: dislocates_frame(-45, -25, 45),
    "dislocates-grip.svg": dislocates_grip,
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
